package io.switchboard.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session calls that make Payara's Tyrus schedule a managed task run outside the application's
 * class loader, and the caller's loader is always restored (docs/performance.md).
 */
class SessionTransportTest {

  private final ClassLoader application = new URLClassLoader(new URL[0], null);
  private ClassLoader before;

  @BeforeEach
  void useAnApplicationLoader() {
    before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(application);
  }

  @AfterEach
  void restore() {
    Thread.currentThread().setContextClassLoader(before);
  }

  @Test
  void aSessionCallRunsWithThePlatformLoaderAndTheCallersLoaderComesBack() {
    AtomicReference<ClassLoader> during = new AtomicReference<>();

    SessionTransport.outsideApplicationLoader(
        () -> during.set(Thread.currentThread().getContextClassLoader()));

    assertThat(during.get()).isSameAs(ClassLoader.getPlatformClassLoader());
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(application);
  }

  @Test
  void theCallersLoaderComesBackWhenTheCallFails() {
    assertThatThrownBy(
            () ->
                SessionTransport.outsideApplicationLoader(
                    () -> {
                      throw new IllegalStateException("session closed");
                    }))
        .hasMessage("session closed");

    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(application);
  }
}
