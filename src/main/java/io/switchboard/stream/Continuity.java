package io.switchboard.stream;

/**
 * Whether a joiner's replay provably continues from the position it gave: the server either replays
 * exactly the missed messages or says which reason stops it, never a silently short replay.
 */
public enum Continuity {
  /** The joiner gave no position: nothing to prove. */
  NOT_ASKED,
  /** Every message after the position is replayed, in order, each once. */
  RECOVERED,
  /** The stream was recreated (restart, eviction) since the position: history may be lost. */
  EPOCH_CHANGED,
  /** Messages after the position were already trimmed from the history (count or age). */
  HISTORY_TRIMMED,
  /** The position is beyond anything this stream has sequenced: not a position of this stream. */
  UNKNOWN_POSITION;

  /**
   * The decision for a joiner at {@code since}, given the stream's epoch, its last sequence number
   * and the oldest sequence number still held ({@code lastSeq + 1} when the history is empty).
   */
  public static Continuity decide(Position since, String epoch, long lastSeq, long oldestHeld) {
    if (since == null) {
      return NOT_ASKED;
    }
    if (!since.epoch().equals(epoch)) {
      return EPOCH_CHANGED;
    }
    if (since.seq() > lastSeq || since.seq() < 0) {
      return UNKNOWN_POSITION;
    }
    return since.seq() + 1 >= oldestHeld ? RECOVERED : HISTORY_TRIMMED;
  }

  /** The wire name, e.g. {@code history_trimmed}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
