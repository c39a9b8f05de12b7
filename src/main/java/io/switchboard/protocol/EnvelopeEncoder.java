package io.switchboard.protocol;

import jakarta.websocket.Encoder;

/**
 * Encodes an {@link Envelope} with the shared JSON-B instance: snake_case names, ISO-8601 UTC
 * timestamps, {@code sender_id: null} on frames the hub originates. The hub encodes each envelope
 * once, through {@link Frame#of}, and hands the same text to every recipient.
 */
public class EnvelopeEncoder implements Encoder.Text<Envelope> {

  @Override
  public String encode(Envelope envelope) {
    return Json.JSONB.toJson(envelope);
  }
}
