package io.switchboard.auth;

import java.util.Optional;

/**
 * A key, besides the configured ones, that tokens may be signed with. The development token minter
 * is one; the seam keeps authentication from depending on it.
 */
public interface KeySource {

  /** The key, when this source has one in force. */
  Optional<VerificationKey> verificationKey();
}
