package io.switchboard.stream;

import io.switchboard.config.ClusterMode;
import io.switchboard.config.HubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The one place that chooses the {@link RoomStreams} by {@code WS_CLUSTER}: {@code local} gives
 * {@link MemoryRoomStreams}, {@code redis} gives {@link RedisRoomStreams}. Both are beans of their
 * own class only ({@code @Typed}), so {@code @Inject RoomStreams} is never ambiguous and the one
 * not chosen is never created.
 */
@ApplicationScoped
public class StreamsSelection {

  @Inject HubConfig config;
  @Inject Instance<MemoryRoomStreams> memory;
  @Inject Instance<RedisRoomStreams> redis;

  @Produces
  @ApplicationScoped
  RoomStreams streams() {
    return redis() ? redis.get() : memory.get();
  }

  /** With Redis, starts listening to the rooms' channels when the application starts. */
  void listenAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (redis()) {
      redis.get().listening();
    }
  }

  private boolean redis() {
    return config.settings().cluster().mode() == ClusterMode.REDIS;
  }
}
