package io.switchboard.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of the server API and of the inboxes it fills.
 *
 * @param keys the API keys; empty when only tokens of the publisher group may call
 * @param publisherGroup the group a token needs to call the API
 * @param rateLimit requests per caller per {@code rateWindow}
 * @param batchSize items per batch request
 * @param inboxSize items kept per user
 * @param inboxMaxAge age beyond which an item is dropped
 * @param inboxUsers users whose inbox a node keeps
 */
public record ApiSettings(
    List<ApiKey> keys,
    String publisherGroup,
    int rateLimit,
    Duration rateWindow,
    int batchSize,
    int inboxSize,
    Duration inboxMaxAge,
    int inboxUsers) {

  /** Shortest plain secret accepted: shorter ones can be guessed. */
  static final int MIN_SECRET_LENGTH = 16;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  public ApiSettings {
    keys = List.copyOf(keys);
  }

  static ApiSettings read(
      Map<TextSetting, String> text, Map<Setting, Integer> v, List<String> violations) {
    for (Setting s :
        List.of(
            Setting.WS_API_RATE_LIMIT,
            Setting.WS_API_RATE_WINDOW,
            Setting.WS_API_BATCH_SIZE,
            Setting.WS_INBOX_SIZE,
            Setting.WS_INBOX_MAX_AGE,
            Setting.WS_INBOX_USERS)) {
      if (v.get(s) <= 0) {
        violations.add(s + " must be positive (was " + v.get(s) + ")");
      }
    }
    String group = text.get(TextSetting.WS_API_PUBLISHER_GROUP).trim();
    return new ApiSettings(
        keys(text.get(TextSetting.WS_API_KEYS), violations),
        group,
        v.get(Setting.WS_API_RATE_LIMIT),
        Duration.ofSeconds(v.get(Setting.WS_API_RATE_WINDOW)),
        v.get(Setting.WS_API_BATCH_SIZE),
        v.get(Setting.WS_INBOX_SIZE),
        Duration.ofSeconds(v.get(Setting.WS_INBOX_MAX_AGE)),
        v.get(Setting.WS_INBOX_USERS));
  }

  /**
   * {@code WS_API_KEYS} as it may be shown: each entry's name, its secret or hash as {@code ***}.
   */
  public static String redacted(String raw) {
    List<String> out = new ArrayList<>();
    for (String entry : raw.split(",")) {
      String trimmed = entry.trim();
      if (!trimmed.isEmpty()) {
        out.add(trimmed.split(":", 2)[0] + ":***");
      }
    }
    return String.join(",", out);
  }

  /** Violations name the key, never its secret. */
  private static List<ApiKey> keys(String raw, List<String> violations) {
    List<ApiKey> keys = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String entry : raw.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split(":", 3);
      String name = parts[0];
      if (parts.length < 2 || !NAME.matcher(name).matches()) {
        violations.add(
            "WS_API_KEYS entries must be name:secret or name:sha256:<64 hex digits>, the name 1 to"
                + " 64 characters of A-Z a-z 0-9 _ . - (an entry is malformed)");
        continue;
      }
      if (!names.add(name)) {
        violations.add("WS_API_KEYS names the key " + name + " twice");
        continue;
      }
      if (parts.length == 3 && parts[1].equals("sha256")) {
        if (!SHA256_HEX.matcher(parts[2]).matches()) {
          violations.add("WS_API_KEYS key " + name + ": sha256 needs 64 hex digits");
          continue;
        }
        keys.add(new ApiKey(name, ApiKey.hex(parts[2])));
      } else {
        String secret = trimmed.substring(name.length() + 1);
        if (secret.length() < MIN_SECRET_LENGTH) {
          violations.add(
              "WS_API_KEYS key "
                  + name
                  + ": the secret must be at least "
                  + MIN_SECRET_LENGTH
                  + " characters");
          continue;
        }
        keys.add(new ApiKey(name, ApiKey.sha256(secret)));
      }
    }
    return keys;
  }
}
