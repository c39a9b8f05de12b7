package io.switchboard.metrics;

import io.switchboard.metrics.Family.Kind;
import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The only class the hub records metrics through. It never names a metrics API itself: at startup
 * it picks MicroProfile Metrics where the server has it (Payara, Open Liberty), else Micrometer
 * (WildFly), else nothing, so one WAR publishes the same metric names into each server's own
 * facility. See docs/decisions/0001-metrics-facade.md; every metric is listed in
 * docs/operations.md.
 */
@ApplicationScoped
public class HubMetrics implements Traffic {

  private static final Logger LOG = Logger.getLogger(HubMetrics.class.getName());

  @Inject Instance<GaugeSource> gaugeSources;
  @Inject Instance<MetricsBackend> backends;

  private volatile MetricsBackend backend;
  private final Supplier<MetricsBackend> chosen = () -> backend;

  private final Family messagesIn =
      counter("switchboard_messages_in", "Frames received from clients, by message type", "type");
  private final Family messagesOut =
      counter("switchboard_messages_out", "Frames written to clients, by message type", "type");
  private final Family bytesIn =
      counter("switchboard_bytes_in", "UTF-8 bytes of frames received from clients", null);
  private final Family bytesOut =
      counter("switchboard_bytes_out", "UTF-8 bytes of frames written to clients", null);
  private final Family errors =
      counter("switchboard_errors", "Error frames sent to clients, by error code", "code");
  private final Family closes =
      counter("switchboard_closes", "Connections closed, by close code", "code");
  private final Family refusals =
      counter("switchboard_refused", "Connections refused at open, by close code", "code");
  private final Family authFailures =
      counter(
          "switchboard_auth_failures",
          "Handshakes and token refreshes refused, by reason",
          "reason");
  private final Family rateLimited =
      counter("switchboard_rate_limited", "Frames refused by the rate limiter", null);
  private final Family drops =
      counter(
          "switchboard_backpressure_drops",
          "Frames not queued because the connection's queue was full, by delivery class",
          "class");
  private final Family slowConsumers =
      counter(
          "switchboard_slow_consumer_disconnects",
          "Connections closed as slow consumers (4002)",
          null);
  private final Family appMessages =
      counter(
          "switchboard_app_messages",
          "Client app messages forwarded to NATS, by outcome (published, replied, timed_out,"
              + " no_responders)",
          "outcome");
  private final Family natsInbound =
      counter(
          "switchboard_nats_inbound",
          "Messages the NATS bridge read from JetStream, by outcome (delivered, duplicate,"
              + " rejected, retried)",
          "outcome");
  private final Family heartbeatRoundTrip =
      new Family(
          Kind.HISTOGRAM,
          "switchboard_heartbeat_rtt_milliseconds",
          "Round trip from heartbeat.ping to its heartbeat.pong",
          null,
          chosen);
  private final Family fanoutSize =
      new Family(
          Kind.HISTOGRAM,
          "switchboard_fanout_size",
          "Local recipients of one room broadcast",
          null,
          chosen);
  private final Family fanoutLatency =
      new Family(
          Kind.TIMER,
          "switchboard_fanout_latency",
          "Time to queue one room broadcast on every local recipient",
          null,
          chosen);
  private final Family handshakes =
      new Family(
          Kind.TIMER,
          "switchboard_handshake_duration",
          "From the start of the handshake (token check included) to the connection's greeting",
          null,
          chosen);

  /** Chooses the facility and registers the gauges once the application has started. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    backend = firstAvailable();
    if (backend == null) {
      LOG.warning(
          "no metrics facility found (MicroProfile Metrics or Micrometer): metrics are off");
      return;
    }
    LOG.info(() -> "metrics published through " + backend.facility());
    for (GaugeSource source : gaugeSources) {
      for (Gauge gauge : source.gauges()) {
        backend.gauge(gauge.name(), gauge.description(), gauge.value(), gauge.tags());
      }
    }
  }

  /** A frame received, by message type (or {@code invalid} when it could not be read). */
  public void messageIn(String type, int bytes) {
    messagesIn.record(type, 1);
    bytesIn.record(null, bytes);
  }

  /** An {@code error} frame sent, by error code. */
  public void error(String code) {
    errors.record(code, 1);
  }

  /** A connection closed, by close code. */
  public void closed(int code) {
    closes.record(Integer.toString(code), 1);
  }

  /** A connection refused before it was registered, by close code. */
  public void refused(int code) {
    refusals.record(Integer.toString(code), 1);
  }

  /** A handshake or {@code auth.refresh} refused; {@code reason} is the rejection's name. */
  public void authFailure(Enum<?> reason) {
    authFailures.record(reason.name().toLowerCase(Locale.ROOT), 1);
  }

  /** A frame refused by the rate limiter. */
  public void rateLimited() {
    rateLimited.record(null, 1);
  }

  /** A client app message forwarded to NATS, or the outcome of its request. */
  public void appMessage(String outcome) {
    appMessages.record(outcome, 1);
  }

  /** A message read by the NATS bridge, by what became of it. */
  public void natsInbound(String outcome) {
    natsInbound.record(outcome, 1);
  }

  /** A heartbeat round trip, in milliseconds. */
  public void heartbeatRoundTrip(long millis) {
    heartbeatRoundTrip.record(null, millis);
  }

  /** One room broadcast queued on {@code recipients} local connections in {@code nanos}. */
  public void fanout(int recipients, long nanos) {
    fanoutSize.record(null, recipients);
    fanoutLatency.record(null, nanos);
  }

  /** A handshake that ended in a registered connection, {@code nanos} after it started. */
  public void handshake(long nanos) {
    handshakes.record(null, nanos);
  }

  @Override
  public void sent(Frame frame) {
    messagesOut.record(frame.type().wireName(), 1);
    bytesOut.record(null, frame.bytes());
  }

  @Override
  public void dropped(Frame frame) {
    drops.record(frame.delivery() == MessageType.Delivery.EPHEMERAL ? "ephemeral" : "durable", 1);
  }

  @Override
  public void slowConsumer() {
    slowConsumers.record(null, 1);
  }

  private Family counter(String name, String description, String label) {
    return new Family(Kind.COUNTER, name, description, label, chosen);
  }

  /** MicroProfile Metrics where the server has it, else Micrometer, else none. */
  private MetricsBackend firstAvailable() {
    MetricsBackend first = null;
    for (MetricsBackend candidate : backends) {
      if (first == null || candidate instanceof MicroProfileMetrics) {
        first = candidate;
      }
    }
    return first;
  }
}
