/**
 * The load generator and benchmark suite: pure JDK (a WebSocket client on NIO channels and
 * selectors), so it runs against any deployment and never ships in the WAR.
 */
package io.switchboard.bench;
