package io.switchboard.auth;

import io.switchboard.config.JwksSettings;
import io.switchboard.metrics.Gauge;
import io.switchboard.metrics.GaugeSource;
import io.switchboard.metrics.HubMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The key set an identity provider publishes at an {@code http(s)} {@code
 * mp.jwt.verify.publickey.location} (its JWKS endpoint), kept fresh without ever fetching on a
 * request thread: fetched once at startup, then every {@code WS_JWKS_REFRESH} on the container's
 * managed scheduler, and early, at most once per {@code WS_JWKS_MIN_REFETCH}, when a token names an
 * unknown {@code kid} (the token is refused meanwhile; its client's retry finds the new key). A
 * failed fetch keeps the keys already held, is retried every {@code WS_JWKS_MIN_REFETCH}, and shows
 * in the log, in {@code switchboard_jwks_fetches_total{outcome="failed"}} and in readiness.
 */
@ApplicationScoped
public class PublishedKeys implements GaugeSource {

  private static final Logger LOG = Logger.getLogger(PublishedKeys.class.getName());
  private static final int BYTES_PER_KEY = 64 * 1024;

  /** The outcome of the fetches so far. */
  public record Status(
      boolean configured,
      int keys,
      boolean lastFetchOk,
      Instant lastSuccess,
      Instant lastAttempt,
      String lastError) {}

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject HubMetrics metrics;

  private volatile List<VerificationKey> keys = List.of();
  private volatile boolean lastFetchOk;
  private volatile Instant lastSuccess;
  private volatile Instant lastAttempt;
  private volatile String lastError;
  private volatile Future<?> next;
  private volatile boolean stopped;
  private final AtomicBoolean fetching = new AtomicBoolean();
  private volatile boolean fetchWanted;

  private String location;
  private String algorithm;
  private JwksSettings settings;

  /** Fetches the set once (at startup, before the first handshake) and schedules the refresh. */
  public void start(String location, String algorithm, JwksSettings settings) {
    this.location = location;
    this.algorithm = algorithm;
    this.settings = settings;
    fetch();
    scheduleTicks();
  }

  /** The keys held now; empty until a fetch succeeded. */
  public List<VerificationKey> keys() {
    return keys;
  }

  public boolean configured() {
    return location != null;
  }

  public Status status() {
    return new Status(configured(), keys.size(), lastFetchOk, lastSuccess, lastAttempt, lastError);
  }

  /**
   * A token named a {@code kid} the set does not have: the next tick (within {@code
   * WS_JWKS_MIN_REFETCH}) fetches again, so forged {@code kid}s cannot make the hub hammer the
   * provider. Only a flag is set: the handshake's thread is the container's, and submitting a
   * managed task from it is refused on some servers (Payara), so the already scheduled tick does
   * the fetch. Never blocks.
   */
  public void unknownKey() {
    if (configured() && !stopped) {
      fetchWanted = true;
    }
  }

  @PreDestroy
  void stop() {
    stopped = true;
    Future<?> scheduled = next;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  /**
   * One periodic tick on the managed scheduler, every {@code WS_JWKS_MIN_REFETCH} (or {@code
   * WS_JWKS_REFRESH} if shorter): it fetches when the refresh period has passed or the last fetch
   * failed, so a provider outage is retried at that pace and a recovery is seen quickly.
   */
  private void scheduleTicks() {
    long tick = Math.min(settings.refresh().toMillis(), settings.minRefetch().toMillis());
    try {
      next = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.warning("the key set refresh could not be scheduled: " + e);
    }
  }

  private void tick() {
    Instant success = lastSuccess;
    if (fetchWanted
        || !lastFetchOk
        || success == null
        || Duration.between(success, Instant.now()).compareTo(settings.refresh()) >= 0) {
      fetch();
    }
  }

  private void fetch() {
    if (!fetching.compareAndSet(false, true)) {
      return;
    }
    fetchWanted = false;
    lastAttempt = Instant.now();
    try {
      String text =
          KeySetFetch.get(location, settings.timeout(), settings.maxKeys() * BYTES_PER_KEY);
      List<VerificationKey> fetched =
          VerificationKeys.parsePublished(text, algorithm, settings.maxKeys());
      List<String> before = kids(keys);
      keys = fetched;
      lastFetchOk = true;
      lastSuccess = lastAttempt;
      lastError = null;
      metrics.keySetFetch(true);
      if (!before.equals(kids(fetched))) {
        LOG.info(() -> "key set " + location + " now has keys " + kids(fetched));
      }
    } catch (IOException | RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      lastFetchOk = false;
      lastError = error.length() > 200 ? error.substring(0, 200) : error;
      metrics.keySetFetch(false);
      LOG.warning(
          () ->
              "key set fetch from "
                  + location
                  + " failed ("
                  + lastError
                  + "); keeping the "
                  + keys.size()
                  + " keys held, retrying in "
                  + settings.minRefetch().toSeconds()
                  + " s");
    } finally {
      fetching.set(false);
    }
  }

  private static List<String> kids(List<VerificationKey> keys) {
    return keys.stream().map(k -> k.keyId() == null ? "(no kid)" : k.keyId()).toList();
  }

  @Override
  public List<Gauge> gauges() {
    return List.of(
        new Gauge(
            "switchboard_jwks_keys",
            "Keys held from the key set at mp.jwt.verify.publickey.location (0 when not a URL)",
            () -> keys.size()),
        new Gauge(
            "switchboard_jwks_age_seconds",
            "Seconds since the key set was last fetched successfully (-1: never)",
            () -> {
              Instant success = lastSuccess;
              return success == null ? -1 : Duration.between(success, Instant.now()).toSeconds();
            }));
  }
}
