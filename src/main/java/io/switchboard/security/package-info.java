/**
 * Who is calling and what they may do: token verification at the handshake, Origin checks, room and
 * message rules, and the development token minter.
 */
package io.switchboard.security;
