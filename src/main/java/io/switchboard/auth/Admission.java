package io.switchboard.auth;

import java.util.Map;

/**
 * The handshake's verdict, which the configurator leaves in the connection's user properties (a
 * per-connection copy, per the Jakarta WebSocket specification) for {@code @OnOpen} to act on.
 */
public sealed interface Admission {

  /** The user-properties key. */
  String KEY = Admission.class.getName();

  /** The connection may open, as {@code caller}. */
  record Admitted(Caller caller) implements Admission {}

  /**
   * The connection opens unauthenticated ({@code WS_FIRST_MESSAGE_AUTH}): it is not registered, is
   * sent nothing, and must send an {@code auth} frame within {@code WS_AUTH_TIMEOUT}.
   */
  record Pending() implements Admission {}

  /** The connection must be closed with 1008 before it is registered or anything is read. */
  record Refused(Rejection rejection) implements Admission {}

  /** The verdict recorded at the handshake; refused when there is none (fail closed). */
  static Admission of(Map<String, Object> userProperties) {
    return userProperties.get(KEY) instanceof Admission admission
        ? admission
        : new Refused(Rejection.MISSING_TOKEN);
  }
}
