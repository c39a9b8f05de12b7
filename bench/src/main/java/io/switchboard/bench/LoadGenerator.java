package io.switchboard.bench;

import io.switchboard.bench.Options.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The load generator: connects, joins, publishes, measures, and says what it saw. Run it on its own
 * against any deployment:
 *
 * <pre>
 * java -cp target/test-classes io.switchboard.bench.LoadGenerator --url ws://localhost:8080/ws \
 *     --subscribers 1000 --publishers 1 --rate 0 --duration 10 --server-pid 1234 --java-server true
 * </pre>
 *
 * The options are those of {@link Options}. Every connection is served by one of a few {@link
 * SelectorLoop}s (one per core), and one thread paces every publisher.
 */
public final class LoadGenerator {

  private static final Duration DRAIN = Duration.ofSeconds(5);
  private static final Duration STALL = Duration.ofSeconds(10);

  private final Options options;
  private final IntFunction<String> tokens;
  private final List<SelectorLoop> loops = new ArrayList<>();
  private final List<BenchClient> everyone = new ArrayList<>();

  /**
   * @param tokens the token for connection {@code i}, or {@code null} for a guest
   */
  public LoadGenerator(Options options, IntFunction<String> tokens) {
    this.options = options;
    this.tokens = tokens;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Result result = new LoadGenerator(options, i -> options.token()).run();
    System.out.println(result.summary());
    System.out.println(Result.CSV_HEADER);
    System.out.println(result.csv());
    System.exit(0);
  }

  /** Runs the scenario once, then closes every connection it opened. */
  public Result run() throws Exception {
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      loops.add(new SelectorLoop("bench-io-" + i));
    }
    try {
      return switch (options.scenario()) {
        case FANOUT, DIRECT -> deliveries();
        case IDLE -> idle();
        case CONNECT -> connectStorm();
      };
    } finally {
      everyone.forEach(BenchClient::abort);
      loops.forEach(SelectorLoop::close);
    }
  }

  private Result connectStorm() throws Exception {
    Tally tally = new Tally(new Publisher[0]);
    long started = System.nanoTime();
    connectAll(tally, options.subscribers(), 0, true);
    double seconds = (System.nanoTime() - started) / 1e9;
    return result(tally, 0, 0, 0, 0, 0, options.subscribers() / seconds, -1, -1);
  }

  private Result idle() throws Exception {
    ProcessProbe server = new ProcessProbe(options.serverPid());
    long heapBefore = options.javaServer() ? server.heapAfterGcBytes() : -1;
    long rssBefore = server.rssBytes();
    Tally tally = new Tally(new Publisher[0]);
    long started = System.nanoTime();
    connectAll(tally, options.subscribers(), 0, true);
    double seconds = (System.nanoTime() - started) / 1e9;
    TimeUnit.SECONDS.sleep(3);
    long heapAfter = options.javaServer() ? server.heapAfterGcBytes() : -1;
    long rssAfter = server.rssBytes();
    int n = options.subscribers();
    return result(
        tally,
        0,
        0,
        0,
        0,
        0,
        n / seconds,
        options.javaServer() ? (heapAfter - heapBefore) / (double) n : -1,
        server.known() ? (rssAfter - rssBefore) / (double) n : -1);
  }

  private Result deliveries() throws Exception {
    boolean direct = options.scenario() == Scenario.DIRECT;
    int pairs = direct ? options.subscribers() : 0;
    Publisher[] publishers = new Publisher[direct ? pairs : options.publishers()];
    Tally tally = new Tally(publishers);
    long started = System.nanoTime();
    List<BenchClient> subscribers = new ArrayList<>();
    List<String> ids = connectAll(tally, options.subscribers(), 0, !direct, subscribers);
    double connectSeconds = (System.nanoTime() - started) / 1e9;
    List<BenchClient> senders = new ArrayList<>();
    connectAll(tally, publishers.length, options.subscribers(), !direct, senders);
    if (options.stalled() > 0) {
      connectAll(
          new Tally(new Publisher[0]),
          options.stalled(),
          options.subscribers() + publishers.length,
          true,
          new ArrayList<>(),
          true);
    }
    for (int p = 0; p < publishers.length; p++) {
      String target = direct ? ids.get(p) : options.room(p);
      int recipients = direct ? 1 : membersOf(p % options.rooms());
      publishers[p] = new Publisher(p, senders.get(p), target, recipients, options.window());
    }

    Pacer pacer = new Pacer(publishers, options, tally, direct);
    Thread thread = new Thread(pacer, "publishers");
    thread.setDaemon(true);
    thread.start();
    ProcessProbe server = new ProcessProbe(options.serverPid());
    TimeUnit.MILLISECONDS.sleep(options.warmup().toMillis());

    long deliveredAtStart = tally.delivered.sum();
    long serverCpuAtStart = server.cpuNanos();
    long ownCpuAtStart = ProcessProbe.ownCpuNanos();
    long windowStart = System.nanoTime();
    tally.latency.reset();
    tally.measuring = true;
    TimeUnit.MILLISECONDS.sleep(options.duration().toMillis());
    tally.measuring = false;
    long deliveredInWindow = tally.delivered.sum() - deliveredAtStart;
    double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
    long serverCpu = server.cpuNanos() - serverCpuAtStart;
    long ownCpu = ProcessProbe.ownCpuNanos() - ownCpuAtStart;

    pacer.stop();
    thread.join();
    long expected = 0;
    for (Publisher publisher : publishers) {
      expected += publisher.sent * publisher.recipients;
    }
    awaitDrain(tally, expected);
    long distinct = tally.delivered.sum() - tally.duplicated.sum();
    return result(
        tally,
        deliveredInWindow,
        deliveredInWindow / windowSeconds,
        Math.max(0, expected - distinct),
        server.known() && deliveredInWindow > 0 ? serverCpu / 1000.0 / deliveredInWindow : -1,
        deliveredInWindow > 0 ? ownCpu / 1000.0 / deliveredInWindow : -1,
        options.subscribers() / connectSeconds,
        -1,
        -1);
  }

  private int membersOf(int room) {
    int members = 0;
    for (int i = 0; i < options.subscribers(); i++) {
      if (i % options.rooms() == room) {
        members++;
      }
    }
    return members;
  }

  private static void awaitDrain(Tally tally, long expected) throws InterruptedException {
    long seen = -1;
    long progress = System.nanoTime();
    while (tally.delivered.sum() - tally.duplicated.sum() < expected) {
      long now = tally.delivered.sum();
      if (now != seen) {
        seen = now;
        progress = System.nanoTime();
      } else if (System.nanoTime() - progress > DRAIN.toNanos()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private List<String> connectAll(Tally tally, int count, int firstIndex, boolean join)
      throws Exception {
    return connectAll(tally, count, firstIndex, join, new ArrayList<>(), false);
  }

  private List<String> connectAll(
      Tally tally, int count, int firstIndex, boolean join, List<BenchClient> into)
      throws Exception {
    return connectAll(tally, count, firstIndex, join, into, false);
  }

  /**
   * Opens {@code count} connections, at most {@code concurrency} handshakes at a time, each joining
   * its room when {@code join}; records each one's setup time (handshake, first frame, join).
   */
  private List<String> connectAll(
      Tally tally, int count, int firstIndex, boolean join, List<BenchClient> into, boolean stall)
      throws Exception {
    Semaphore inFlight = new Semaphore(options.concurrency());
    List<CompletableFuture<String>> opened = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      int index = firstIndex + i;
      BenchClient client = new BenchClient(tally, stall);
      into.add(client);
      synchronized (everyone) {
        everyone.add(client);
      }
      long started = System.nanoTime();
      CompletableFuture<String> ready =
          client
              .connect(loops.get(index % loops.size()), options.url(), tokens.apply(index))
              .thenCompose(
                  id -> join ? client.join(options.room(index)).thenApply(j -> id) : done(id));
      ready.whenComplete(
          (id, error) -> {
            inFlight.release();
            tally.setup.record((System.nanoTime() - started) / 1000);
          });
      opened.add(ready);
    }
    CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    return opened.stream().map(CompletableFuture::join).toList();
  }

  private static CompletableFuture<String> done(String id) {
    return CompletableFuture.completedFuture(id);
  }

  private Result result(
      Tally tally,
      long deliveries,
      double perSecond,
      long lost,
      double serverCpu,
      double ownCpu,
      double connects,
      double heap,
      double rss) {
    return new Result(
        options.label(),
        options.name(),
        everyone.size(),
        deliveries,
        perSecond,
        tally.latency.quantile(0.5),
        tally.latency.quantile(0.9),
        tally.latency.quantile(0.99),
        tally.latency.quantile(0.999),
        lost,
        tally.duplicated.sum(),
        tally.outOfOrder.sum(),
        tally.errors.sum(),
        tally.closed.sum(),
        serverCpu,
        ownCpu,
        connects,
        tally.setup.quantile(0.5),
        tally.setup.quantile(0.99),
        heap,
        rss);
  }
}
