/** Flood protection: per-connection and per-user message rate limits. */
package io.switchboard.limits;
