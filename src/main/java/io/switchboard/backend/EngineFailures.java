package io.switchboard.backend;

import io.switchboard.stream.StreamUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Gives every failure of the cluster's seams one meaning for a backend: the presence and user
 * directory seams fail with their store's own exception when it is unreachable or too slow; a
 * backend call then fails with {@link StreamUnavailableException}, as a room publish does, so that
 * every way in answers it alike ({@code unavailable}, retryable).
 */
final class EngineFailures {

  private EngineFailures() {}

  /** {@code stage}, failing with {@link StreamUnavailableException} when it fails. */
  static <T> CompletionStage<T> asUnavailable(CompletionStage<T> stage, String what) {
    return stage.handle(
        (value, failure) -> {
          if (failure == null) {
            return value;
          }
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (cause instanceof StreamUnavailableException unavailable) {
            throw unavailable;
          }
          throw new StreamUnavailableException(what + " did not answer", cause);
        });
  }
}
