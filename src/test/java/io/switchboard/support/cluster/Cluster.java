package io.switchboard.support.cluster;

import io.switchboard.support.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hub nodes running the packaged WAR as separate server processes, sharing one real {@code
 * redis-server} on a private port ({@code WS_CLUSTER=redis}), for a test class: register it with
 * {@code @RegisterExtension static final Cluster cluster = Cluster.of(2)}. Redis starts first, then
 * the nodes start together (their boots overlap); after the last test everything is killed. Each
 * node inherits the test JVM's environment, which the build's {@code cluster} execution sets as an
 * operator would (token issuer and keys, short timers), plus the settings given with {@link #env}.
 */
public final class Cluster implements BeforeAllCallback, AfterAllCallback {

  private final int size;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final RedisServer redis = new RedisServer();

  private Cluster(int size) {
    this.size = size;
  }

  public static Cluster of(int size) {
    return new Cluster(size);
  }

  /** A setting every node gets, as an environment variable. */
  public Cluster env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Node {@code index} (0-based), in start order. */
  public Node node(int index) {
    return nodes.get(index);
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The engine the nodes share: stop, kill or restart it to test an outage. */
  public RedisServer redis() {
    return redis;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    NodeRuntime runtime = NodeRuntime.fromSystemProperties();
    redis.start();
    environment.putIfAbsent("WS_CLUSTER", "redis");
    environment.putIfAbsent("WS_REDIS_URL", redis.url());
    Path work =
        Path.of(System.getProperty("switchboard.war"))
            .getParent()
            .resolve("cluster")
            .resolve(context.getRequiredTestClass().getSimpleName());
    for (int i = 0; i < size; i++) {
      String name = "node-" + (char) ('a' + i);
      nodes.add(new Node(name, runtime, work.resolve(name), environment));
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  nodes.forEach(Node::kill);
                  redis.kill();
                }));
    nodes.forEach(Node::start);
    nodes.forEach(Node::awaitReady);
  }

  /** Kills every node: the tests are over, so there is nothing left to drain. */
  @Override
  public void afterAll(ExtensionContext context) {
    nodes.forEach(Node::kill);
    redis.kill();
  }
}
