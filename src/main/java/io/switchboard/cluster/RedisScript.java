package io.switchboard.cluster;

import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically in Redis, called by its SHA-1 ({@code EVALSHA}) and sent in full only
 * when the server does not know it yet (after a restart or {@code SCRIPT FLUSH}).
 *
 * @param name the resource name, for logs
 * @param body the Lua source
 * @param sha its SHA-1, as Redis computes it
 * @param output how Redis's reply is decoded
 */
public record RedisScript(String name, String body, String sha, ScriptOutputType output) {

  /** The script in the class path resource {@code name} next to {@code owner}. */
  public static RedisScript load(Class<?> owner, String name, ScriptOutputType output) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new RedisScript(name, body, sha1(body), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
