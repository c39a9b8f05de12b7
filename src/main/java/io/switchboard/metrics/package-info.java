/** The hub's metrics, published to whichever metrics facility the server provides. */
package io.switchboard.metrics;
