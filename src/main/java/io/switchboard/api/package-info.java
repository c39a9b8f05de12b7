/**
 * The server API under {@code /api/v1}: a thin Jakarta REST boundary over {@code
 * io.switchboard.backend}, for services (API keys, or tokens of the publisher group), answering
 * failures as {@code application/problem+json} with the protocol's error codes.
 */
package io.switchboard.api;
