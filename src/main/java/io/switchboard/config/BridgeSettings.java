package io.switchboard.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validated settings of the NATS bridge and of app messages. The bridge is off, and app message
 * types are unknown types, unless {@code WS_NATS_URL} is set.
 *
 * @param natsUrl the NATS server URL(s), comma separated; empty when the bridge is off
 * @param subjectPrefix first tokens of every bridge subject, such as {@code switchboard}
 * @param stream the JetStream stream inbound messages are read from
 * @param consumer the durable consumer the bridge reads with
 * @param appPrefix client message types starting with this are app messages, such as {@code app.}
 * @param requestTimeout how long an app request waits for the backend's reply
 * @param maxPending app requests awaiting a reply on this node
 * @param maxPendingPerConnection app requests awaiting a reply per connection
 * @param reconnectBuffer bytes the NATS client buffers while reconnecting
 * @param ackWait how long NATS waits for an ack before redelivering an inbound message
 * @param maxAckPending inbound messages delivered and not yet acknowledged
 */
public record BridgeSettings(
    String natsUrl,
    String subjectPrefix,
    String stream,
    String consumer,
    String appPrefix,
    Duration requestTimeout,
    int maxPending,
    int maxPendingPerConnection,
    long reconnectBuffer,
    Duration ackWait,
    int maxAckPending) {

  /** One or more subject tokens of letters, digits, {@code _} and {@code -}, joined by dots. */
  private static final Pattern SUBJECT_TOKENS =
      Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  /** A JetStream stream or consumer name: no dots, wildcards, slashes or whitespace. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /**
   * Prefixes of the hub's own types: an app prefix among them would shadow nothing, but confuse.
   */
  private static final List<String> RESERVED =
      List.of(
          "connection.",
          "message.",
          "room.",
          "heartbeat.",
          "auth.",
          "flow.",
          "server.",
          "presence.",
          "typing.",
          "inbox.",
          "error");

  public boolean enabled() {
    return !natsUrl.isEmpty();
  }

  static BridgeSettings read(
      Map<TextSetting, String> text, Map<Setting, Integer> v, List<String> violations) {
    BridgeSettings bridge =
        new BridgeSettings(
            text.get(TextSetting.WS_NATS_URL).trim(),
            text.get(TextSetting.WS_NATS_SUBJECT_PREFIX).trim(),
            text.get(TextSetting.WS_NATS_STREAM).trim(),
            text.get(TextSetting.WS_NATS_CONSUMER).trim(),
            text.get(TextSetting.WS_APP_MESSAGE_PREFIX).trim(),
            Duration.ofSeconds(v.get(Setting.WS_APP_REQUEST_TIMEOUT)),
            v.get(Setting.WS_APP_MAX_PENDING),
            v.get(Setting.WS_APP_MAX_PENDING_PER_CONNECTION),
            v.get(Setting.WS_NATS_RECONNECT_BUFFER),
            Duration.ofSeconds(v.get(Setting.WS_NATS_ACK_WAIT)),
            v.get(Setting.WS_NATS_MAX_ACK_PENDING));
    for (Setting s :
        List.of(
            Setting.WS_APP_REQUEST_TIMEOUT,
            Setting.WS_APP_MAX_PENDING,
            Setting.WS_APP_MAX_PENDING_PER_CONNECTION,
            Setting.WS_NATS_RECONNECT_BUFFER,
            Setting.WS_NATS_ACK_WAIT,
            Setting.WS_NATS_MAX_ACK_PENDING)) {
      if (v.get(s) <= 0) {
        violations.add(s + " must be positive (was " + v.get(s) + ")");
      }
    }
    if (!SUBJECT_TOKENS.matcher(bridge.subjectPrefix).matches()) {
      violations.add(
          "WS_NATS_SUBJECT_PREFIX must be subject tokens of letters, digits, _ and - joined by dots"
              + " (was '"
              + bridge.subjectPrefix
              + "')");
    }
    for (TextSetting s : List.of(TextSetting.WS_NATS_STREAM, TextSetting.WS_NATS_CONSUMER)) {
      if (!NAME.matcher(text.get(s).trim()).matches()) {
        violations.add(s + " must be 1 to 64 letters, digits, _ or - (was '" + text.get(s) + "')");
      }
    }
    String app = bridge.appPrefix;
    if (!app.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.")
        || RESERVED.stream().anyMatch(r -> app.startsWith(r) || r.startsWith(app))) {
      violations.add(
          "WS_APP_MESSAGE_PREFIX must be lower-case tokens ending with a dot, outside the hub's own"
              + " types (was '"
              + app
              + "')");
    }
    int dedup = v.get(Setting.WS_PUBLISH_DEDUP_WINDOW);
    if (bridge.enabled() && dedup <= v.get(Setting.WS_NATS_ACK_WAIT)) {
      violations.add(
          "WS_PUBLISH_DEDUP_WINDOW ("
              + dedup
              + ") must be greater than WS_NATS_ACK_WAIT ("
              + v.get(Setting.WS_NATS_ACK_WAIT)
              + "), or a NATS redelivery after a lost ack would reach the room twice");
    }
    return bridge;
  }
}
