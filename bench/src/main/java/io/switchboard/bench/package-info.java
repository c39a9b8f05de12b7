/**
 * The load generator and benchmark suite: pure JDK (java.net.http WebSocket), so it runs against any
 * deployment and never ships in the WAR.
 */
package io.switchboard.bench;
