package io.switchboard.stream;

import io.switchboard.config.HubConfig;
import io.switchboard.config.RoomSettings;
import io.switchboard.config.Setting;
import io.switchboard.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The in-memory streams: one node standing for the whole cluster, delivering to every "node". */
class MemoryRoomStreamsContractTest extends RoomStreamContract {

  @Override
  protected List<RoomStreams> cluster(
      int count, RoomSettings settings, List<RoomDelivery> deliveries) {
    Settings all =
        Settings.read(
            Map.of(
                    Setting.WS_ROOM_HISTORY,
                    settings.history(),
                    Setting.WS_ROOM_HISTORY_MAX_AGE,
                    (int) settings.historyMaxAge().toSeconds(),
                    Setting.WS_PUBLISH_DEDUP_WINDOW,
                    (int) settings.dedupWindow().toSeconds(),
                    Setting.WS_ROOM_STREAMS,
                    1,
                    Setting.WS_MESSAGE_QUEUE_DEPTH,
                    settings.history() + 100)
                ::get);
    MemoryRoomStreams streams =
        new MemoryRoomStreams(
            new HubConfig(all),
            (room, frame, except) -> deliveries.forEach(d -> d.toRoom(room, frame, except)));
    List<RoomStreams> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(streams);
    }
    return nodes;
  }

  /** Memory loses a stream by eviction: a stream for another room pushes it out. */
  @Override
  protected void loseStream(String roomId, List<RoomStreams> nodes) {
    nodes.get(0).of(roomId + "-evictor");
  }
}
