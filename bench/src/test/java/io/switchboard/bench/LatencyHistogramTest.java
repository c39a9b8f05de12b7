package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void quantilesOfAUniformSpreadAreWithinThreePercent() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long micros = 1; micros <= 100_000; micros++) {
      histogram.record(micros);
    }

    assertThat(histogram.count()).isEqualTo(100_000);
    assertThat((double) histogram.quantile(0.5)).isCloseTo(50_000, within(1_500.0));
    assertThat((double) histogram.quantile(0.99)).isCloseTo(99_000, within(3_000.0));
    assertThat((double) histogram.quantile(0.999)).isCloseTo(99_900, within(3_000.0));
  }

  @Test
  void everyValueFallsInABucketWhoseUpperBoundIsAtLeastTheValue() {
    for (long value : new long[] {0, 1, 31, 32, 33, 63, 64, 65, 1000, 123_456_789L}) {
      long bound = LatencyHistogram.upperBound(LatencyHistogram.index(value));
      assertThat(bound).isGreaterThanOrEqualTo(value).isLessThanOrEqualTo(value + value / 16);
    }
  }

  @Test
  void anEmptyHistogramAndAResetOneReportZero() {
    LatencyHistogram histogram = new LatencyHistogram();
    assertThat(histogram.quantile(0.99)).isZero();
    histogram.record(500);
    histogram.reset();
    assertThat(histogram.count()).isZero();
  }
}
