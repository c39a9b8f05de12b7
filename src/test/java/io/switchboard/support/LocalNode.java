package io.switchboard.support;

import io.switchboard.access.AccessPolicy;
import io.switchboard.auth.Caller;
import io.switchboard.cluster.LocalBus;
import io.switchboard.command.DirectMessages;
import io.switchboard.command.Dispatcher;
import io.switchboard.command.PresenceCommands;
import io.switchboard.command.RoomCommands;
import io.switchboard.command.TokenRefresh;
import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.inbox.InboxLimits;
import io.switchboard.inbox.Inboxes;
import io.switchboard.inbox.MemoryInbox;
import io.switchboard.limits.RateLimiter;
import io.switchboard.metrics.HubMetrics;
import io.switchboard.metrics.Traffic;
import io.switchboard.presence.Announcements;
import io.switchboard.presence.MemoryPresence;
import io.switchboard.presence.Presence;
import io.switchboard.presence.Typing;
import io.switchboard.protocol.InboundDecoder;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connection;
import io.switchboard.registry.Connections;
import io.switchboard.registry.MemoryUserDirectory;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.MemoryRoomStreams;

/**
 * One node's object graph without a container, wired as CDI wires it: the real registry, in-memory
 * bus, room streams, presence and command handlers behind a {@link Dispatcher}, with sockets
 * replaced by recording transports. What dispatch tests vary is passed in: the settings, the access
 * rules and how {@code auth.refresh} verifies a token.
 */
public final class LocalNode {

  private final Connections connections = new Connections();
  private final Rooms rooms = new Rooms();
  private final MemoryUserDirectory directory = new MemoryUserDirectory();
  private final InboundDecoder decoder = new InboundDecoder();
  private final HubConfig config;
  private final Dispatcher dispatcher;

  public LocalNode(Settings settings, AccessPolicy access, TokenRefresh.Verifier verifier) {
    config = new HubConfig(settings);
    HubMetrics metrics = new HubMetrics();
    LocalBus bus = new LocalBus(new Broadcaster(rooms, connections), metrics);
    Presence presence = new MemoryPresence();
    Announcements announcements = new Announcements(presence, rooms, bus, config);
    RoomCommands roomCommands =
        new RoomCommands(
            rooms,
            config,
            access,
            new MemoryRoomStreams(config, bus),
            presence,
            announcements,
            metrics);
    dispatcher =
        new Dispatcher(
            roomCommands,
            new PresenceCommands(
                rooms, directory, presence, new Typing(), bus, config, access, announcements),
            new DirectMessages(connections, directory, bus),
            new TokenRefresh(verifier, roomCommands),
            new Inboxes(new MemoryInbox(InboxLimits.of(settings)), bus),
            access,
            config,
            new RateLimiter(config),
            metrics);
  }

  /**
   * Opens a connection for {@code caller}, registered without connection limits, whose id is {@code
   * idPrefix} followed by the number of connections open before it.
   */
  public Peer connect(String idPrefix, Caller caller) {
    RecordingTransport transport = RecordingTransport.immediate();
    Connection connection =
        new Connection(idPrefix + connections.count(), caller, transport, 100, 0, Traffic.NONE);
    connections.admit(connection, Integer.MAX_VALUE);
    directory.admit(connection.userId(), connection.id(), Integer.MAX_VALUE);
    return new Peer(connection, transport);
  }

  /** Decodes {@code frame} as the container would and dispatches it from {@code peer}. */
  public void send(Peer peer, String frame) {
    dispatcher.dispatch(peer.connection(), decoder.decode(frame));
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public Rooms rooms() {
    return rooms;
  }

  public Settings settings() {
    return config.settings();
  }
}
