package io.switchboard.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of the generator, as given on the command line ({@code --name value}).
 *
 * @param url the hub's WebSocket address
 * @param token a bearer token for every connection, or {@code null} to connect as guests
 * @param scenario what to measure
 * @param rooms rooms the subscribers are spread over
 * @param subscribers connections that join and only read
 * @param publishers connections that publish, spread over the rooms (at least one per room)
 * @param rate messages per second per publisher; 0 for as fast as the window allows
 * @param window messages a publisher may have in flight (sent, not yet received by every member)
 * @param size bytes of padding in each message
 * @param warmup time before measuring
 * @param duration time measured
 * @param concurrency handshakes in flight at once while connecting
 * @param serverPid the server's process id, to read its CPU time and memory; 0 when unknown
 * @param javaServer whether {@code jcmd} can read the server's heap
 * @param stalled subscribers (in room 0) that join and then stop reading
 * @param label a name for the result (the server under test)
 * @param name the scenario's name in the result
 */
record Options(
    URI url,
    String token,
    Scenario scenario,
    int rooms,
    int subscribers,
    int publishers,
    double rate,
    int window,
    int size,
    Duration warmup,
    Duration duration,
    int concurrency,
    long serverPid,
    boolean javaServer,
    int stalled,
    String label,
    String name) {

  /** What a run measures. */
  enum Scenario {
    /**
     * Publishers broadcast to rooms of subscribers: throughput, latency, loss, CPU per delivery.
     */
    FANOUT,
    /** Pairs of connections exchange direct messages: the publishers send to their partners. */
    DIRECT,
    /** Subscribers join and stay idle: memory per connection. */
    IDLE,
    /** Subscribers connect and join as fast as allowed: setup rate. */
    CONNECT
  }

  static Options parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("missing value after " + args[args.length - 1]);
    }
    Options options =
        new Options(
            URI.create(given.getOrDefault("url", "ws://localhost:8080/ws")),
            given.get("token"),
            Scenario.valueOf(given.getOrDefault("scenario", "fanout").toUpperCase()),
            Integer.parseInt(given.getOrDefault("rooms", "1")),
            Integer.parseInt(given.getOrDefault("subscribers", "1000")),
            Integer.parseInt(given.getOrDefault("publishers", "1")),
            Double.parseDouble(given.getOrDefault("rate", "0")),
            Integer.parseInt(given.getOrDefault("window", "32")),
            Integer.parseInt(given.getOrDefault("size", "128")),
            Duration.ofMillis(
                (long) (1000 * Double.parseDouble(given.getOrDefault("warmup", "3")))),
            Duration.ofMillis(
                (long) (1000 * Double.parseDouble(given.getOrDefault("duration", "10")))),
            Integer.parseInt(given.getOrDefault("concurrency", "100")),
            Long.parseLong(given.getOrDefault("server-pid", "0")),
            Boolean.parseBoolean(given.getOrDefault("java-server", "false")),
            Integer.parseInt(given.getOrDefault("stalled", "0")),
            given.getOrDefault("label", "server"),
            given.getOrDefault("name", given.getOrDefault("scenario", "fanout")));
    if (options.scenario == Scenario.FANOUT && options.publishers < options.rooms) {
      throw new IllegalArgumentException("need at least one publisher per room");
    }
    return options;
  }

  /** Room {@code index} of the run. */
  String room(int index) {
    return "bench-" + (index % rooms);
  }
}
