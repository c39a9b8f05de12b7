package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.cluster.Bus;
import io.switchboard.cluster.LocalBus;
import io.switchboard.cluster.RedisBus;
import io.switchboard.cluster.RedisUserDirectory;
import io.switchboard.presence.MemoryPresence;
import io.switchboard.presence.Presence;
import io.switchboard.presence.RedisPresence;
import io.switchboard.registry.MemoryUserDirectory;
import io.switchboard.registry.UserDirectory;
import io.switchboard.stream.MemoryRoomStreams;
import io.switchboard.stream.RedisRoomStreams;
import io.switchboard.stream.RoomStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.inject.Typed;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each seam's implementation is chosen by one producer (by {@code WS_CLUSTER}); an implementation
 * that is also a bean of the seam's type makes every {@code @Inject} of the seam ambiguous and the
 * deployment fail. So each is a bean of its own class only, or no bean at all (the selection
 * constructs it; bean discovery is {@code annotated}).
 */
class SeamSelectionTest {

  private static final Map<Class<?>, Set<Class<?>>> IMPLEMENTATIONS =
      Map.of(
          RoomStreams.class, Set.of(MemoryRoomStreams.class, RedisRoomStreams.class),
          Bus.class, Set.of(LocalBus.class, RedisBus.class),
          Presence.class, Set.of(MemoryPresence.class, RedisPresence.class),
          UserDirectory.class, Set.of(MemoryUserDirectory.class, RedisUserDirectory.class));

  @Test
  void everySeamImplementationIsABeanOfItsOwnClassOnly() {
    IMPLEMENTATIONS.forEach(
        (seam, implementations) ->
            implementations.forEach(
                implementation -> {
                  assertThat(seam).isAssignableFrom(implementation);
                  if (implementation.isAnnotationPresent(ApplicationScoped.class)) {
                    Typed typed = implementation.getAnnotation(Typed.class);
                    assertThat(typed)
                        .as("@Typed on %s", implementation.getSimpleName())
                        .isNotNull();
                    assertThat(typed.value())
                        .as("bean types of %s", implementation.getSimpleName())
                        .containsExactly(implementation);
                  } else {
                    assertThat(implementation.getAnnotations())
                        .as("%s is not a bean", implementation.getSimpleName())
                        .noneMatch(a -> a.annotationType().isAnnotationPresent(NormalScope.class))
                        .noneMatch(a -> a.annotationType() == Dependent.class);
                  }
                }));
  }
}
