package io.switchboard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine-readable protocol contract in {@code docs/schema/}, applied to real frames. */
public final class FrameContract {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SERVER = load("server-frames.schema.json");
  private static final JsonSchema CLIENT = load("client-frames.schema.json");

  private FrameContract() {}

  /** Why a frame the server sent breaks the contract; empty when it conforms. */
  public static List<String> serverFrameViolations(String frame) {
    return violations(SERVER, frame);
  }

  /** Why a frame a client is about to send breaks the contract; empty when it conforms. */
  public static List<String> clientFrameViolations(String frame) {
    return violations(CLIENT, frame);
  }

  private static List<String> violations(JsonSchema schema, String frame) {
    try {
      JsonNode node = MAPPER.readTree(frame);
      return schema.validate(node).stream().map(ValidationMessage::getMessage).toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  private static JsonSchema load(String name) {
    Path path = Path.of("docs", "schema", name);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = Files.newInputStream(path)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
  }
}
