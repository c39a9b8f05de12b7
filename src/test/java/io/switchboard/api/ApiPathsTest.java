package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiPathsTest {

  @Test
  void theServerApiIsV1AndWhatIsUnderIt() {
    assertThat(ApiPaths.isServerApi("v1/rooms/lobby/messages")).isTrue();
    assertThat(ApiPaths.isServerApi("/v1/batch")).isTrue();
    assertThat(ApiPaths.isServerApi("v1")).isTrue();
  }

  @Test
  void everythingElseStaysBehindTheAdminGate() {
    assertThat(ApiPaths.isServerApi("admin/connections")).isFalse();
    assertThat(ApiPaths.isServerApi("v1/../admin/connections")).isFalse();
    assertThat(ApiPaths.isServerApi("v1/./rooms")).isFalse();
    assertThat(ApiPaths.isServerApi("v1//admin")).isFalse();
    assertThat(ApiPaths.isServerApi("v1;x=y/rooms")).isFalse();
    assertThat(ApiPaths.isServerApi("v10/rooms")).isFalse();
    assertThat(ApiPaths.isServerApi("")).isFalse();
  }
}
