package io.switchboard.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aFullBucketAllowsABurstOfItsCapacity() {
    TokenBucket bucket = new TokenBucket(60, 60 * SECOND, 0);

    for (int i = 0; i < 60; i++) {
      assertThat(bucket.take(0)).isZero();
    }
    assertThat(bucket.take(0)).isEqualTo(SECOND);
  }

  @Test
  void tokensComeBackEvenlyOverTheWindow() {
    TokenBucket bucket = new TokenBucket(60, 60 * SECOND, 0);
    for (int i = 0; i < 60; i++) {
      bucket.take(0);
    }

    assertThat(bucket.take(SECOND / 2)).isEqualTo(SECOND / 2);
    assertThat(bucket.take(SECOND)).isZero();
    assertThat(bucket.take(SECOND)).isPositive();
  }

  @Test
  void theBucketNeverHoldsMoreThanItsCapacity() {
    TokenBucket bucket = new TokenBucket(2, SECOND, 0);

    long later = 100 * SECOND;
    assertThat(bucket.take(later)).isZero();
    assertThat(bucket.take(later)).isZero();
    assertThat(bucket.take(later)).isPositive();
  }
}
