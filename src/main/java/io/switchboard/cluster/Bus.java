package io.switchboard.cluster;

import io.switchboard.protocol.Frame;

/**
 * Where a node publishes every room broadcast, direct message, backend push and user action, so
 * that each node of a cluster can deliver it to its own connections. Endpoint and registry code
 * only ever publish here; swapping the in-memory bus for a distributed one changes nothing else.
 *
 * <p>Delivery contract, which every implementation must keep:
 *
 * <ul>
 *   <li>A published frame reaches every addressed connection that is open, on every node, at most
 *       once.
 *   <li>Frames published by one thread to one room (or one connection, or one user) arrive in
 *       publish order.
 *   <li>{@code publish} never blocks on a recipient; it may return before delivery has happened.
 *   <li>The frame's text is delivered byte for byte: it is encoded once, by the publisher.
 * </ul>
 */
public interface Bus {

  /**
   * Every member of {@code roomId}, except the connection {@code exceptConnectionId} (null for
   * none).
   */
  void toRoom(String roomId, Frame frame, String exceptConnectionId);

  /** The one connection with this id, wherever it is. */
  void toConnection(String connectionId, Frame frame);

  /** Every connection of the user, on every node. */
  void toUser(String userId, Frame frame);

  /** Every connection whose caller's groups contain {@code group}, on every node. */
  void toGroup(String group, Frame frame);

  /** Every open connection, on every node. */
  void toAll(Frame frame);

  /**
   * Has every node apply {@code action} to its own connections of the action's user, by firing it
   * as a CDI event there. Actions for one user published by one thread are applied in order.
   */
  void act(UserAction action);
}
