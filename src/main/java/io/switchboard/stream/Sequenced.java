package io.switchboard.stream;

import io.switchboard.protocol.Frame;

/** Builds the frame of a message once its place in the stream is known. */
@FunctionalInterface
public interface Sequenced {
  Frame frame(long seq, String epoch);
}
