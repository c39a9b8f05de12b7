package io.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How this node shares its state with the others: the validated {@code WS_CLUSTER} and Redis
 * settings. The URL may carry a password, so {@link #toString()} (logged at startup) and {@link
 * #redacted(String)} never show it.
 *
 * @param mode local (one node) or redis
 * @param redisUrl {@code redis://} or {@code rediss://} URL; empty in local mode when unset
 * @param timeout how long a Redis command may take before it fails
 * @param queue Redis commands a node may have in flight at once
 * @param nodeLease how long a node's lease lasts unrenewed before the others take its users out
 */
public record ClusterSettings(
    ClusterMode mode, String redisUrl, Duration timeout, int queue, Duration nodeLease) {

  /** With the default node lease ({@code WS_NODE_LEASE}). */
  public ClusterSettings(ClusterMode mode, String redisUrl, Duration timeout, int queue) {
    this(mode, redisUrl, timeout, queue, Duration.ofSeconds(Setting.WS_NODE_LEASE.defaultValue()));
  }

  static ClusterSettings read(
      Map<TextSetting, String> text, Map<Setting, Integer> numbers, List<String> violations) {
    String rawMode = text.get(TextSetting.WS_CLUSTER);
    ClusterMode mode = ClusterMode.parse(rawMode).orElse(ClusterMode.LOCAL);
    if (ClusterMode.parse(rawMode).isEmpty()) {
      violations.add("WS_CLUSTER must be local or redis (was '" + rawMode + "')");
    }
    String url = text.get(TextSetting.WS_REDIS_URL).trim();
    if (mode == ClusterMode.REDIS && url.isEmpty()) {
      violations.add("WS_REDIS_URL is required when WS_CLUSTER=redis");
    }
    if (!url.isEmpty()) {
      problem(url)
          .ifPresent(p -> violations.add("WS_REDIS_URL " + p + " (was '" + redacted(url) + "')"));
    }
    for (Setting s :
        List.of(Setting.WS_REDIS_TIMEOUT, Setting.WS_REDIS_QUEUE, Setting.WS_NODE_LEASE)) {
      if (numbers.get(s) <= 0) {
        violations.add(s + " must be positive (was " + numbers.get(s) + ")");
      }
    }
    return new ClusterSettings(
        mode,
        url,
        Duration.ofSeconds(numbers.get(Setting.WS_REDIS_TIMEOUT)),
        numbers.get(Setting.WS_REDIS_QUEUE),
        Duration.ofSeconds(numbers.get(Setting.WS_NODE_LEASE)));
  }

  /** The URL with any password replaced by {@code ***}, for logs and the admin API. */
  public static String redacted(String url) {
    int at = url.lastIndexOf('@');
    int scheme = url.indexOf("://");
    if (at < 0 || scheme < 0 || at < scheme) {
      return url;
    }
    String userInfo = url.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? "" : userInfo.substring(0, colon);
    return url.substring(0, scheme + 3) + user + ":***" + url.substring(at);
  }

  @Override
  public String toString() {
    return "ClusterSettings[mode="
        + mode.wireName()
        + ", redisUrl="
        + redacted(redisUrl)
        + ", timeout="
        + timeout
        + ", queue="
        + queue
        + "]";
  }

  private static Optional<String> problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
      return Optional.of("must start with redis:// or rediss://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must name a host");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/") && !path.substring(1).matches("\\d{1,5}")) {
      return Optional.of("path must be a database number, such as /0");
    }
    return Optional.empty();
  }
}
