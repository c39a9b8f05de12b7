package io.switchboard.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypingTest {

  private final Typing typing = new Typing();

  @Test
  void aRefreshWhileTypingIsNotAnnouncedAgainButMovesTheDeadline() {
    assertThat(typing.start("r", "alice", 100)).isTrue();
    assertThat(typing.start("r", "alice", 200)).isFalse();

    assertThat(typing.expired(150)).isEmpty();
    assertThat(typing.expired(200)).containsExactly(new Typing.Expired("r", "alice"));
    assertThat(typing.expired(300)).isEmpty();
  }

  @Test
  void stoppingIsAnnouncedOnlyWhenTyping() {
    typing.start("r", "alice", 100);

    assertThat(typing.stop("r", "alice")).isTrue();
    assertThat(typing.stop("r", "alice")).isFalse();
    assertThat(typing.expired(1000)).isEmpty();
  }
}
