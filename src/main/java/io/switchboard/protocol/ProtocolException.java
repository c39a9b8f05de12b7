package io.switchboard.protocol;

/**
 * A client request the hub refuses; becomes an {@code error} frame and leaves the connection open.
 */
public class ProtocolException extends RuntimeException {

  private final ErrorCode code;

  public ProtocolException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
