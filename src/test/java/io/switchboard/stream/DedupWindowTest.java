package io.switchboard.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupWindowTest {

  @Test
  void aKeyWithinTheWindowFindsItsSequence() {
    DedupWindow window = new DedupWindow(10, 100);
    window.remember("a", 7, 0);

    assertThat(window.find("a", 100)).isEqualTo(7);
    assertThat(window.find("b", 100)).isEqualTo(-1);
  }

  @Test
  void aKeyPastTheWindowIsForgotten() {
    DedupWindow window = new DedupWindow(10, 100);
    window.remember("a", 7, 0);

    assertThat(window.find("a", 101)).isEqualTo(-1);
    assertThat(window.size()).isZero();
  }

  @Test
  void theOldestKeysGoFirstBeyondTheCapacity() {
    DedupWindow window = new DedupWindow(2, 1000);
    window.remember("a", 1, 0);
    window.remember("b", 2, 1);
    window.remember("c", 3, 2);

    assertThat(window.size()).isEqualTo(2);
    assertThat(window.find("a", 3)).isEqualTo(-1);
    assertThat(window.find("c", 3)).isEqualTo(3);
  }

  @Test
  void aZeroWindowRemembersNothing() {
    DedupWindow window = new DedupWindow(10, 0);
    window.remember("a", 1, 0);

    assertThat(window.find("a", 0)).isEqualTo(-1);
  }
}
