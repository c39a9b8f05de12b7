package io.switchboard.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingAuthenticationsTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final PendingAuthentications pending = new PendingAuthentications();

  PendingAuthenticationsTest() {
    pending.scheduler =
        (ManagedScheduledExecutorService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                  try {
                    return method.invoke(executor, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void theDeadlineClosesAConnectionThatNeverAuthenticatedExactlyOnce() throws Exception {
    CountDownLatch timedOut = new CountDownLatch(1);

    assertThat(pending.hold("s1", Duration.ofMillis(50), 10, timedOut::countDown)).isTrue();

    assertThat(timedOut.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(pending.release("s1")).as("too late: the deadline won").isFalse();
    assertThat(pending.count()).isZero();
  }

  @Test
  void anAuthFrameBeforeTheDeadlineCancelsIt() throws Exception {
    AtomicInteger timeouts = new AtomicInteger();
    pending.hold("s1", Duration.ofMillis(100), 10, timeouts::incrementAndGet);

    assertThat(pending.release("s1")).isTrue();
    assertThat(pending.release("s1")).as("only once").isFalse();

    CountDownLatch later = new CountDownLatch(1);
    executor.schedule(later::countDown, 300, TimeUnit.MILLISECONDS);
    assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(timeouts).hasValue(0);
  }

  @Test
  void atMostTheLimitWaitAtOnce() {
    assertThat(pending.hold("a", Duration.ofMinutes(1), 2, () -> {})).isTrue();
    assertThat(pending.hold("b", Duration.ofMinutes(1), 2, () -> {})).isTrue();

    assertThat(pending.hold("c", Duration.ofMinutes(1), 2, () -> {})).isFalse();
    pending.release("a");
    assertThat(pending.hold("c", Duration.ofMinutes(1), 2, () -> {})).isTrue();
    assertThat(pending.count()).isEqualTo(2);
  }
}
