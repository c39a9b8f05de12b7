package io.switchboard.config;

import java.time.Duration;

/**
 * How a key set published at an {@code http(s)} {@code mp.jwt.verify.publickey.location} (an
 * identity provider's JWKS endpoint) is kept: fetched at startup, again every {@code refresh}, and
 * early when a token names an unknown {@code kid}, but never more often than once per {@code
 * minRefetch}.
 *
 * @param refresh the period of the scheduled fetch
 * @param minRefetch the least time between two fetches that tokens or failures cause
 * @param timeout connect and read timeout of one fetch
 * @param maxKeys the most keys kept from one set
 */
public record JwksSettings(Duration refresh, Duration minRefetch, Duration timeout, int maxKeys) {}
