package io.switchboard.stream;

/**
 * A join would create a room stream beyond the node's or the joining user's bound, and every stream
 * that could make way has members: nothing was created or joined. The join may be retried once
 * members have left rooms.
 */
public class StreamLimitException extends RuntimeException {

  public StreamLimitException(String message) {
    super(message);
  }
}
