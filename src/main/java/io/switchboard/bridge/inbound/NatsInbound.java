package io.switchboard.bridge.inbound;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.switchboard.backend.Publisher;
import io.switchboard.bridge.NatsReady;
import io.switchboard.bridge.Subjects;
import io.switchboard.config.BridgeSettings;
import io.switchboard.config.HubConfig;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.node.Drain;
import io.switchboard.protocol.ProtocolException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads backends' messages from the JetStream stream {@code WS_NATS_STREAM} with the durable
 * consumer {@code WS_NATS_CONSUMER}, both created when absent (the stream: work-queue retention,
 * file storage, the bridge's subjects). Every node of a cluster reads with the same consumer, so
 * each message is published once and then fanned out by the {@code Bus}.
 *
 * <p>At least once, without duplicates on screen: a message is acknowledged only after the
 * publishing service accepted it; a redelivery (the ack was lost, or the node died first) carries
 * the same id ({@code Nats-Msg-Id}, else the stream sequence) and is deduplicated. A message that
 * can never be delivered (no target, not JSON, too large) is terminated with a log line; while the
 * node drains or the service fails, it is handed back for redelivery after {@value #RETRY_MILLIS}
 * ms.
 */
@ApplicationScoped
public class NatsInbound {

  private static final Logger LOG = Logger.getLogger(NatsInbound.class.getName());
  private static final long RETRY_MILLIS = 1000;
  private static final String MSG_ID = "Nats-Msg-Id";

  @Inject HubConfig config;
  @Inject Publisher publisher;
  @Inject Drain drain;
  @Inject HubMetrics metrics;

  private BridgeSettings settings;
  private Subjects subjects;
  private Relay relay;
  private MessageConsumer consumer;
  private volatile boolean attached;

  @PostConstruct
  void init() {
    settings = config.settings().bridge();
    subjects = new Subjects(settings.subjectPrefix());
    int remembered =
        Math.max(settings.maxAckPending() * 10, config.settings().rooms().dedupCapacity());
    relay =
        new Relay(
            subjects,
            publisher,
            new RecentKeys(remembered, config.settings().rooms().dedupWindow().toNanos()));
  }

  /** Whether the consumer is set up and reading. */
  public boolean attached() {
    return attached;
  }

  /** (Re)attaches after every connect: the server may have restarted without its store. */
  synchronized void attach(@Observes NatsReady ready) {
    stopConsuming();
    try {
      Connection nats = ready.connection();
      JetStreamManagement jsm = nats.jetStreamManagement();
      ensureStream(jsm);
      ensureConsumer(jsm);
      consumer =
          nats.getConsumerContext(settings.stream(), settings.consumer())
              .consume(
                  ConsumeOptions.builder()
                      .batchSize(Math.min(settings.maxAckPending(), 256))
                      .build(),
                  this::onMessage);
      attached = true;
      LOG.info(
          () ->
              "NATS bridge reading stream "
                  + settings.stream()
                  + " with consumer "
                  + settings.consumer()
                  + " on "
                  + subjects.inbound());
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.log(Level.WARNING, "NATS bridge cannot read its stream; retried on reconnect", e);
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopConsuming();
  }

  private void stopConsuming() {
    attached = false;
    if (consumer != null) {
      try {
        consumer.stop();
        consumer.close();
      } catch (Exception e) {
        LOG.fine(() -> "stopping the NATS consumer: " + e);
      }
      consumer = null;
    }
  }

  private void onMessage(Message message) {
    if (drain.isDraining()) {
      retry(message);
      return;
    }
    Headers headers = message.getHeaders();
    String id =
        headers != null && headers.getFirst(MSG_ID) != null
            ? headers.getFirst(MSG_ID)
            : "js:" + settings.stream() + ":" + message.metaData().streamSequence();
    try {
      Relay.Outcome outcome =
          relay.relay(
              new Relay.Message(
                  message.getSubject(),
                  name -> headers == null ? null : headers.getFirst(name),
                  message.getData(),
                  id));
      message.ack();
      metrics.natsInbound(outcome.name().toLowerCase(Locale.ROOT));
    } catch (ProtocolException refusal) {
      if (Relay.permanent(refusal)) {
        message.term();
        metrics.natsInbound("rejected");
        LOG.warning(
            () ->
                "NATS message "
                    + id
                    + " on "
                    + message.getSubject()
                    + " rejected: "
                    + refusal.getMessage());
      } else {
        retry(message);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "NATS message " + id + " failed; it will be redelivered", e);
      retry(message);
    }
  }

  private void retry(Message message) {
    message.nakWithDelay(Duration.ofMillis(RETRY_MILLIS));
    metrics.natsInbound("retried");
  }

  private void ensureStream(JetStreamManagement jsm) throws IOException, JetStreamApiException {
    if (jsm.getStreamNames().contains(settings.stream())) {
      return;
    }
    jsm.addStream(
        StreamConfiguration.builder()
            .name(settings.stream())
            .subjects(subjects.inbound())
            .retentionPolicy(RetentionPolicy.WorkQueue)
            .storageType(StorageType.File)
            .duplicateWindow(Duration.ofMinutes(2))
            .build());
    LOG.info(() -> "NATS bridge created stream " + settings.stream());
  }

  private void ensureConsumer(JetStreamManagement jsm) throws IOException, JetStreamApiException {
    if (jsm.getConsumerNames(settings.stream()).contains(settings.consumer())) {
      return;
    }
    jsm.addOrUpdateConsumer(
        settings.stream(),
        ConsumerConfiguration.builder()
            .durable(settings.consumer())
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(DeliverPolicy.All)
            .ackWait(settings.ackWait())
            .maxAckPending(settings.maxAckPending())
            .build());
    LOG.info(() -> "NATS bridge created consumer " + settings.consumer());
  }
}
