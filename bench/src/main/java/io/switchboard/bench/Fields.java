package io.switchboard.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * Reads the few fields the generator needs straight from a text message's UTF-8 bytes, by searching
 * for {@code "key":}, the way the envelope and the generator's payload write them (no spaces): a
 * delivery is then counted without decoding its text or allocating anything. Keys are ASCII, so a
 * byte match is a character match.
 */
final class Fields {

  /** What {@link #number} returns when the key or its digits are missing. */
  static final long ABSENT = Long.MIN_VALUE;

  private Fields() {}

  static byte[] key(String json) {
    return json.getBytes(UTF_8);
  }

  /** The index just past the first {@code key} in {@code data[from, to)}, or -1. */
  static int after(byte[] data, int from, int to, byte[] key) {
    byte first = key[0];
    for (int i = from, last = to - key.length; i <= last; i++) {
      if (data[i] == first && Arrays.equals(data, i, i + key.length, key, 0, key.length)) {
        return i + key.length;
      }
    }
    return -1;
  }

  /** The integer following {@code key} (which ends with the colon), or {@link #ABSENT}. */
  static long number(byte[] data, int from, int to, byte[] key) {
    int i = after(data, from, to, key);
    if (i < 0 || i == to) {
      return ABSENT;
    }
    boolean negative = data[i] == '-';
    int digits = negative ? ++i : i;
    long value = 0;
    for (; i < to && data[i] >= '0' && data[i] <= '9'; i++) {
      value = value * 10 + (data[i] - '0');
    }
    if (i == digits) {
      return ABSENT;
    }
    return negative ? -value : value;
  }

  /** The string following {@code key} (which ends with the opening quote), or "" when absent. */
  static String string(byte[] data, int from, int to, byte[] key) {
    int start = after(data, from, to, key);
    int end = start < 0 ? -1 : end(data, start, to);
    return end < 0 ? "" : new String(data, start, end - start, UTF_8);
  }

  /** The index of the quote closing a string that starts at {@code start}, or -1. */
  static int end(byte[] data, int start, int to) {
    for (int i = start; i < to; i++) {
      if (data[i] == '"') {
        return i;
      }
    }
    return -1;
  }
}
