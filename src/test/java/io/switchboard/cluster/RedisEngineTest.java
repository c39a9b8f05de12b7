package io.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.ScriptOutputType;
import io.switchboard.config.ClusterMode;
import io.switchboard.config.ClusterSettings;
import io.switchboard.support.RedisServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisEngineTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private RedisEngine engine;

  static RedisEngine connect(RedisServer redis) {
    return new RedisEngine(
        new ClusterSettings(ClusterMode.REDIS, redis.url(), Duration.ofSeconds(2), 1000),
        Executors.defaultThreadFactory());
  }

  @BeforeEach
  void connect() {
    REDIS.start();
    engine = connect(REDIS);
  }

  @AfterEach
  void shutdown() {
    engine.shutdown();
  }

  @Test
  void aScriptRunsEvenWhenTheServerHasNeverSeenIt() throws Exception {
    REDIS.command("SCRIPT", "FLUSH");
    String body = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
    RedisScript loaded = new RedisScript("incr", body, sha1(body), ScriptOutputType.INTEGER);

    Long first =
        engine
            .<Long>eval(loaded, new String[] {"counter"}, "2")
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
    Long second =
        engine
            .<Long>eval(loaded, new String[] {"counter"}, "3")
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(first).isEqualTo(2);
    assertThat(second).isEqualTo(5);
    assertThat(engine.stats().commands()).isEqualTo(2);
  }

  @Test
  void messagesOfSubscribedChannelsReachTheListenerOfTheirPrefix() throws Exception {
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    engine.listen("sb:r:", (channel, message) -> received.add(channel + "=" + message));
    engine.subscribe("sb:r:{lobby}").toCompletableFuture().get(5, TimeUnit.SECONDS);

    REDIS.command("PUBLISH", "sb:r:{lobby}", "hello");

    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("sb:r:{lobby}=hello");
    assertThat(engine.stats().subscriptions()).isEqualTo(1);
  }

  @Test
  void whileRedisIsDownCommandsFailAtOnceAndAfterItsReturnTheEngineReconnectsAndResubscribes()
      throws Exception {
    CountDownLatch reconnected = new CountDownLatch(1);
    engine.onReconnect(reconnected::countDown);
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    engine.listen("sb:r:", (channel, message) -> received.add(message));
    engine.subscribe("sb:r:{lobby}").toCompletableFuture().get(5, TimeUnit.SECONDS);
    RedisScript ping =
        new RedisScript("ping", "return 1", sha1("return 1"), ScriptOutputType.INTEGER);

    REDIS.kill();
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                engine
                    .<Long>eval(ping, new String[0])
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(engine.isUp()).isFalse();

    REDIS.start();
    assertThat(reconnected.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(engine.isUp()).isTrue();
    assertThat(engine.stats().reconnects()).isEqualTo(1);
    // Lettuce resubscribes on its own right after the reconnect, asynchronously: publish until the
    // resubscription has reached Redis (the hub itself waits for it with confirm()).
    String again = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (again == null && System.nanoTime() < deadline) {
      REDIS.command("PUBLISH", "sb:r:{lobby}", "again");
      again = received.poll(100, TimeUnit.MILLISECONDS);
    }
    assertThat(again).isEqualTo("again");
    assertThat(
            engine.<Long>eval(ping, new String[0]).toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isEqualTo(1);
  }

  @Test
  void anUnreachableRedisAtStartupFailsWithTheUrlButNotThePassword() {
    assertThatThrownBy(
            () ->
                new RedisEngine(
                    new ClusterSettings(
                        ClusterMode.REDIS,
                        "redis://:hunter2@127.0.0.1:1",
                        Duration.ofSeconds(1),
                        10),
                    Executors.defaultThreadFactory()))
        .hasMessageContaining("cannot reach Redis at redis://:***@127.0.0.1:1")
        .hasMessageNotContaining("hunter2");
  }

  private static String sha1(String body) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-1")
                .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
