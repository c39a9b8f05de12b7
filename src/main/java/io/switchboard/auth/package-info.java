/**
 * Who is calling: the handshake's token verification, Origin check and verdict, the verification
 * keys, and the verified {@link io.switchboard.auth.Caller} every other package trusts.
 */
package io.switchboard.auth;
