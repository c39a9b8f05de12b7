package io.switchboard.bench;

import java.util.concurrent.atomic.LongAdder;

/** The counters every connection of a run adds to; read by the run at the window's edges. */
final class Tally {

  final LongAdder delivered = new LongAdder();
  final LongAdder duplicated = new LongAdder();
  final LongAdder outOfOrder = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder closed = new LongAdder();
  final LatencyHistogram latency = new LatencyHistogram();
  final LatencyHistogram setup = new LatencyHistogram();
  volatile boolean measuring;
  volatile long lastDelivery = System.nanoTime();
  private final Publisher[] publishers;

  Tally(Publisher[] publishers) {
    this.publishers = publishers;
  }

  void delivery(int publisher, long seq, long sentNanos, Stream.Verdict verdict) {
    long now = System.nanoTime();
    lastDelivery = now;
    delivered.increment();
    switch (verdict) {
      case DUPLICATE -> duplicated.increment();
      case OUT_OF_ORDER -> outOfOrder.increment();
      case IN_ORDER -> {}
    }
    if (verdict != Stream.Verdict.DUPLICATE && publisher < publishers.length) {
      publishers[publisher].received(seq);
    }
    if (measuring) {
      latency.record((now - sentNanos) / 1000);
    }
  }
}
