/**
 * The node's own lifecycle: the status page, and the drain that tells clients to reconnect
 * elsewhere when the application stops.
 */
package io.switchboard.node;
