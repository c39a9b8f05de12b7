package io.switchboard.auth;

/**
 * A token the verifier refused. {@link #logDetail()} is safe to log: the reason, and at most the
 * key id and subject the token claimed, never the token.
 */
public final class TokenRejectedException extends Exception {

  private final Rejection rejection;
  private final String logDetail;

  public TokenRejectedException(Rejection rejection, String logDetail) {
    super(rejection.reason(), null, false, false);
    this.rejection = rejection;
    this.logDetail = logDetail;
  }

  public Rejection rejection() {
    return rejection;
  }

  public String logDetail() {
    return logDetail;
  }
}
