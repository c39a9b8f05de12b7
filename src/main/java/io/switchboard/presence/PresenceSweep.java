package io.switchboard.presence;

import io.switchboard.cluster.Bus;
import io.switchboard.config.HubConfig;
import io.switchboard.config.RoomSettings;
import io.switchboard.registry.Rooms;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One periodic task on the {@link ManagedScheduledExecutorService} for the room timers: it
 * announces departures whose grace period is over, stops typing indicators that were not refreshed,
 * and sends large rooms their batched {@code room.occupancy}. One task for the node, however many
 * rooms.
 */
@ApplicationScoped
public class PresenceSweep {

  private static final Logger LOG = Logger.getLogger(PresenceSweep.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject HubConfig config;
  @Inject Presence presence;
  @Inject Announcements announcements;
  @Inject Typing typing;
  @Inject Rooms rooms;
  @Inject Bus bus;

  /** Typing stops and departures are announced at most this late. */
  static final long TICK_MILLIS = 250;

  private ScheduledFuture<?> sweep;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    sweep =
        scheduler.scheduleAtFixedRate(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweep != null) {
      sweep.cancel(false);
    }
  }

  void sweep() {
    try {
      RoomSettings settings = config.settings().rooms();
      presence
          .forgetDeadNodes(settings.presenceGrace())
          .exceptionally(failure -> logged("dead nodes", failure));
      presence
          .due()
          .thenAccept(gone -> gone.forEach(announcements::gone))
          .exceptionally(failure -> logged("departures", failure));
      for (Typing.Expired expired : typing.expired(System.nanoTime())) {
        bus.toRoom(
            expired.roomId(),
            RoomNotices.typingStopped(expired.roomId(), expired.userId(), true),
            null);
      }
      presence
          .changedLargeRooms(settings.largeRoom())
          .thenAccept(changed -> changed.forEach(this::occupancy))
          .exceptionally(failure -> logged("occupancy", failure));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "presence sweep failed", e);
    }
  }

  private void occupancy(String roomId) {
    presence
        .snapshot(roomId, 0)
        .thenAccept(
            users ->
                bus.toRoom(
                    roomId,
                    RoomNotices.occupancy(roomId, rooms.members(roomId).size(), users.userCount()),
                    null))
        .exceptionally(failure -> logged("occupancy", failure));
  }

  private static Void logged(String what, Throwable failure) {
    LOG.log(Level.WARNING, "presence sweep: " + what + " failed: " + failure);
    return null;
  }
}
