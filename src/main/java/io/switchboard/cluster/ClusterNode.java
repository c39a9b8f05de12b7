package io.switchboard.cluster;

import io.switchboard.config.ClusterMode;
import io.switchboard.config.HubConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * This node as a member of the cluster ({@code WS_CLUSTER=redis}): its {@link NodeLease}, taken at
 * startup and renewed three times per {@code WS_NODE_LEASE} on the {@link
 * ManagedScheduledExecutorService}, so a node is declared dead only after missing three renewals. A
 * node that is stopped (not killed) gives its lease up at once.
 */
@ApplicationScoped
public class ClusterNode {

  private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject HubConfig config;
  @Inject Instance<RedisEngine> engine;

  private NodeLease lease;
  private ScheduledFuture<?> renewal;

  /** The lease, taken on first use; only with {@code WS_CLUSTER=redis}. */
  public synchronized NodeLease lease() {
    if (lease == null) {
      Duration length = config.settings().cluster().nodeLease();
      lease = new NodeLease(engine.get(), length);
      lease.renew();
      long every = Math.max(1, length.toMillis() / 3);
      renewal = scheduler.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
      LOG.info("cluster node " + lease.id() + " joined, lease " + length.toSeconds() + " s");
    }
    return lease;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (config.settings().cluster().mode() == ClusterMode.REDIS) {
      lease();
    }
  }

  private void renew() {
    lease
        .renew()
        .exceptionally(
            failure -> {
              LOG.warning("node lease not renewed: " + failure);
              return null;
            });
  }

  @PreDestroy
  synchronized void stop() {
    if (renewal != null) {
      renewal.cancel(false);
      lease.release();
    }
  }
}
