package io.switchboard.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * One publishing connection and its window: a message counts as in flight until every recipient has
 * received it, and message {@code n} waits until message {@code n - window} is complete. At maximum
 * rate this keeps the publisher exactly as fast as the slowest recipient, without overrunning the
 * server's queues.
 */
final class Publisher {

  final int index;
  final BenchClient client;
  final String target;
  final int recipients;
  private final AtomicIntegerArray outstanding;
  private final int window;
  long sent;
  long due;
  volatile Thread pacer;

  Publisher(int index, BenchClient client, String target, int recipients, int window) {
    this.index = index;
    this.client = client;
    this.target = target;
    this.recipients = recipients;
    this.window = window;
    this.outstanding = new AtomicIntegerArray(window);
  }

  /** Takes a slot of the window for the next message, if one is free. */
  boolean tryAcquire() {
    int slot = (int) (sent % window);
    if (recipients == 0 || outstanding.get(slot) > 0) {
      return false;
    }
    outstanding.set(slot, recipients);
    return true;
  }

  /** Counts a delivery of message {@code seq}; the last one frees its slot and wakes the pacer. */
  void received(long seq) {
    if (outstanding.decrementAndGet((int) (seq % window)) == 0) {
      LockSupport.unpark(pacer);
    }
  }
}
