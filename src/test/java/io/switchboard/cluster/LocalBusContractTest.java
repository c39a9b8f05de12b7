package io.switchboard.cluster;

import io.switchboard.config.HubConfig;
import io.switchboard.config.Settings;
import io.switchboard.registry.Broadcaster;
import io.switchboard.registry.Connections;
import io.switchboard.registry.Rooms;
import io.switchboard.stream.MemoryRoomStreams;
import java.util.Collections;
import java.util.List;

/** The single-node bus: the one node is the whole cluster. */
class LocalBusContractTest extends BusContract {

  @Override
  protected List<Node> cluster(int count) {
    Rooms rooms = new Rooms();
    Connections connections = new Connections();
    LocalBus bus = new LocalBus(new Broadcaster(rooms, connections));
    Node node =
        new Node(
            bus,
            rooms,
            connections,
            new MemoryRoomStreams(new HubConfig(Settings.defaults()), bus));
    return Collections.nCopies(count, node);
  }
}
