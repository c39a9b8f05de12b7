package io.switchboard.stream;

/**
 * The stream's engine could not be reached or did not answer in time: nothing was sequenced,
 * delivered or joined, and the same request may be retried (a publish with its {@code message_id}
 * is then deduplicated if the first attempt did land after all).
 */
public class StreamUnavailableException extends RuntimeException {

  public StreamUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
