package io.switchboard.stream;

import io.switchboard.protocol.Frame;
import io.switchboard.protocol.MessageType;

/**
 * Builds the frame of a message once its place in the stream is known. The frame's text must end
 * with the fields {@code "seq":<seq>,"epoch":"<epoch>"} closing the payload and the envelope, as
 * {@code room.broadcast} does: an engine that sequences elsewhere (Redis) then splits it into the
 * text before the seq and after the epoch ({@link #template()}), and every node rebuilds the exact
 * same bytes once it knows both.
 */
@FunctionalInterface
public interface Sequenced {

  Frame frame(long seq, String epoch);

  /** The frame's text around its seq and epoch. */
  default Template template() {
    Frame sample = frame(0, "");
    String marker = "\"seq\":0,\"epoch\":\"\"";
    int at = sample.text().lastIndexOf(marker);
    if (at < 0) {
      throw new IllegalStateException("a sequenced frame must end with its seq and epoch");
    }
    return new Template(
        sample.type(),
        sample.text().substring(0, at + "\"seq\":".length()),
        sample.text().substring(at + marker.length() - 1));
  }

  /**
   * A frame's text as {@code head + seq + ",\"epoch\":\"" + epoch + tail}; {@code tail} starts with
   * the epoch's closing quote.
   */
  record Template(MessageType type, String head, String tail) {

    public Frame frame(long seq, String epoch) {
      return new Frame(type, head + seq + ",\"epoch\":\"" + epoch + tail);
    }
  }
}
