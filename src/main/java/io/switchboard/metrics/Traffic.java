package io.switchboard.metrics;

import io.switchboard.protocol.Frame;

/**
 * What a connection's outbound path reports for monitoring: frames handed to the socket, frames
 * dropped under backpressure, and closes for being a slow consumer. Called on hot paths, so
 * implementations only count.
 */
public interface Traffic {

  /** Reports nothing: for connections nobody monitors (tests). */
  Traffic NONE =
      new Traffic() {
        @Override
        public void sent(Frame frame) {}

        @Override
        public void dropped(Frame frame) {}

        @Override
        public void slowConsumer() {}
      };

  /** The frame was handed to the socket. */
  void sent(Frame frame);

  /** The frame was not queued because the connection's queue was past its mark for its class. */
  void dropped(Frame frame);

  /** The connection is being closed as a slow consumer (counted once per connection). */
  void slowConsumer();
}
