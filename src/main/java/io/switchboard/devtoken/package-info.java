/**
 * Development tokens for the embedded run: a key made at startup and a servlet that mints tokens
 * with it, registered only when the settings allow them.
 */
package io.switchboard.devtoken;
