/**
 * The seam between a node and the rest of the cluster: where room and direct deliveries are
 * published.
 */
package io.switchboard.cluster;
