package io.switchboard.auth;

/**
 * Why a handshake (or an {@code auth.refresh}) was refused. The {@link #reason()} is what the
 * client is told: in the HTTP response before the upgrade where the server allows it, otherwise as
 * the reason of the 1008 close. It never contains token material.
 */
public enum Rejection {
  MISSING_TOKEN(401, "unauthorized: token required"),
  AMBIGUOUS_TOKEN(401, "unauthorized: more than one token"),
  TOKEN_TOO_LARGE(401, "unauthorized: token too large"),
  MALFORMED_TOKEN(401, "unauthorized: malformed token"),
  ALGORITHM_NOT_ALLOWED(401, "unauthorized: algorithm not allowed"),
  UNKNOWN_KEY(401, "unauthorized: unknown key"),
  BAD_SIGNATURE(401, "unauthorized: bad signature"),
  TOKEN_EXPIRED(401, "unauthorized: token expired"),
  TOKEN_NOT_YET_VALID(401, "unauthorized: token not yet valid"),
  WRONG_ISSUER(401, "unauthorized: wrong issuer"),
  WRONG_AUDIENCE(401, "unauthorized: wrong audience"),
  INVALID_CLAIMS(401, "unauthorized: invalid claims"),
  ORIGIN_NOT_ALLOWED(403, "forbidden: origin not allowed"),
  /** First-message authentication: the first frame was not an {@code auth} frame. */
  AUTH_FRAME_EXPECTED(401, "unauthorized: auth frame expected"),
  /** First-message authentication: no {@code auth} frame within {@code WS_AUTH_TIMEOUT}. */
  AUTH_TIMEOUT(401, "unauthorized: authentication timeout");

  private final int httpStatus;
  private final String reason;

  Rejection(int httpStatus, String reason) {
    this.httpStatus = httpStatus;
    this.reason = reason;
  }

  /** 401 for anything about the token, 403 for a refused Origin. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The client-facing reason: short enough for a close frame (at most 123 bytes). */
  public String reason() {
    return reason;
  }
}
