package io.switchboard.bench;

import java.util.BitSet;

/** What one subscriber received from one publisher: which sequence numbers, the highest one. */
final class Stream {

  private final BitSet seen = new BitSet();
  private long highest = -1;

  /** What a delivery of {@code seq} was. */
  enum Verdict {
    IN_ORDER,
    OUT_OF_ORDER,
    DUPLICATE
  }

  Verdict receive(long seq) {
    int bit = (int) seq;
    if (seen.get(bit)) {
      return Verdict.DUPLICATE;
    }
    seen.set(bit);
    if (seq < highest) {
      return Verdict.OUT_OF_ORDER;
    }
    highest = seq;
    return Verdict.IN_ORDER;
  }
}
