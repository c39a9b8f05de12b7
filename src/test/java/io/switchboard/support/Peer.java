package io.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.registry.Connection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/**
 * A connection over a {@link RecordingTransport}, for dispatch tests without a server: what it was
 * sent, each frame checked against the protocol contract.
 */
public record Peer(Connection connection, RecordingTransport transport) {

  public List<JsonObject> frames() {
    List<String> texts = transport.written();
    texts.forEach(t -> assertThat(FrameContract.serverFrameViolations(t)).as(t).isEmpty());
    return texts.stream().map(t -> Json.createReader(new StringReader(t)).readObject()).toList();
  }

  public JsonObject last() {
    List<JsonObject> frames = frames();
    return frames.get(frames.size() - 1);
  }

  public List<String> types() {
    return frames().stream().map(f -> f.getString("type")).toList();
  }

  public String lastErrorCode() {
    assertThat(last().getString("type")).isEqualTo("error");
    return last().getJsonObject("payload").getString("code");
  }
}
