package io.switchboard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bridge.Subjects.Kind;
import io.switchboard.bridge.Subjects.Target;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectsTest {

  private final Subjects subjects = new Subjects("switchboard");

  @ParameterizedTest
  @CsvSource({
    "switchboard.room.lobby, ROOM, lobby",
    "switchboard.room.orders.eu.42, ROOM, orders.eu.42",
    "switchboard.user.alice@example.com, USER, alice@example.com",
    "switchboard.group.staff, GROUP, staff",
    "switchboard.room.a:b_c-d, ROOM, a:b_c-d"
  })
  void theRestOfTheSubjectAfterTheKindIsTheId(String subject, Kind kind, String id) {
    assertThat(subjects.target(subject, name -> null)).contains(new Target(kind, id));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "switchboard.room",
        "switchboard.room.",
        "switchboard.channel.x",
        "other.room.x",
        "switchboardx.room.x",
        "switchboard.app.orders"
      })
  void subjectsThatNameNoTargetAreNotMapped(String subject) {
    assertThat(subjects.target(subject, name -> null)).isEmpty();
  }

  @Test
  void thePushSubjectTakesItsTargetFromHeaders() {
    Map<String, String> headers =
        Map.of(Subjects.TARGET_HEADER, "user", Subjects.ID_HEADER, "john doe.");

    assertThat(subjects.target("switchboard.push", headers::get))
        .contains(new Target(Kind.USER, "john doe."));
  }

  @Test
  void thePushSubjectWithoutBothHeadersOrWithAnUnknownKindNamesNoTarget() {
    assertThat(subjects.target("switchboard.push", Map.of(Subjects.ID_HEADER, "x")::get)).isEmpty();
    assertThat(
            subjects.target(
                "switchboard.push",
                Map.of(Subjects.TARGET_HEADER, "everyone", Subjects.ID_HEADER, "x")::get))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".a", "a.", "a..b", "john doe", "a*", ">", "tab\tx"})
  void idsThatCannotBeSubjectTokensNeedHeaderMode(String id) {
    assertThat(Subjects.tokens(id)).isFalse();
    assertThat(subjects.of(new Target(Kind.ROOM, id))).isEmpty();
  }

  @Test
  void aTargetMapsToItsSubjectAndBack() {
    Target target = new Target(Kind.GROUP, "ops.eu");

    String subject = subjects.of(target).orElseThrow();

    assertThat(subject).isEqualTo("switchboard.group.ops.eu");
    assertThat(subjects.target(subject, name -> null)).contains(target);
  }

  @Test
  void appMessagesGoUnderTheAppTokenAndInboundSubjectsCoverEveryKind() {
    Subjects custom = new Subjects("acme.hub");

    assertThat(custom.app("orders.create")).isEqualTo("acme.hub.app.orders.create");
    assertThat(custom.inbound())
        .containsExactly("acme.hub.room.>", "acme.hub.user.>", "acme.hub.group.>", "acme.hub.push");
  }
}
