package io.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark suite: every scenario against every server in the same process, in interleaved
 * rounds (the server order rotates each round), then medians, a Markdown report with ratios to the
 * baseline ({@code node}: one row per other server, so one per Switchboard server), and PNG charts.
 * Started by {@code bench/run}, which starts the servers; a target is {@code label,url,pid,java}:
 *
 * <pre>
 * Suite --out bench/results --rounds 3 --scenarios idle,fanout-max,fanout-40k,connect \
 *     switchboard-payara,ws://localhost:18080/ws,PID,true \
 *     switchboard-wildfly,ws://localhost:18083/switchboard/ws,PID,true \
 *     node,ws://localhost:18081/ws,PID,false ...
 * </pre>
 */
public final class Suite {

  private record Target(String name, String url, String pid, boolean java) {}

  private Suite() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new LinkedHashMap<>();
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        given.put(args[i].substring(2), args[++i]);
      } else {
        String[] t = args[i].split(",");
        targets.add(new Target(t[0], t[1], t[2], Boolean.parseBoolean(t[3])));
      }
    }
    Path out = Path.of(given.getOrDefault("out", "bench/results"));
    Files.createDirectories(out);
    Path csv = out.resolve("results.csv");
    if (!targets.isEmpty()) {
      run(given, targets, csv);
    }
    report(csv, out, given.getOrDefault("baseline", "node"));
    System.exit(0);
  }

  private static void run(Map<String, String> given, List<Target> targets, Path csv)
      throws IOException {
    int rounds = Integer.parseInt(given.getOrDefault("rounds", "3"));
    String listed = given.getOrDefault("scenarios", "idle,connect,fanout-max,fanout-40k");
    // idle first: its memory per connection is measured on servers nothing else has used yet.
    List<String> scenarios =
        Arrays.stream(listed.split(","))
            .sorted(Comparator.comparing((String scenario) -> !scenario.equals("idle")))
            .toList();
    Files.writeString(csv, Result.CSV_HEADER + "\n");
    for (String scenario : scenarios) {
      int scenarioRounds = scenario.equals("idle") ? 1 : rounds;
      for (int round = 0; round < scenarioRounds; round++) {
        for (int k = 0; k < targets.size(); k++) {
          Target target = targets.get((k + round) % targets.size());
          String[] options = options(scenario, target, given);
          System.out.printf("== %s round %d on %s%n", scenario, round + 1, target.name());
          try {
            Result result = new LoadGenerator(Options.parse(options), i -> null).run();
            System.out.println(result.summary());
            Files.writeString(csv, result.csv() + "\n", StandardOpenOption.APPEND);
          } catch (Exception e) {
            System.out.println("FAILED: " + e);
          }
          pause();
        }
      }
    }
  }

  /** The command line of the generator for {@code scenario} against {@code target}. */
  static String[] options(String scenario, Target target, Map<String, String> given) {
    String subscribers = given.getOrDefault("subscribers", "1000");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--url", target.url(),
                "--server-pid", target.pid(),
                "--java-server", Boolean.toString(target.java()),
                "--label", target.name(),
                "--warmup", given.getOrDefault("warmup", "3"),
                "--duration", given.getOrDefault("duration", "8"),
                "--size", given.getOrDefault("size", "128")));
    List<String> specific =
        switch (scenario) {
          case "idle" ->
              List.of(
                  "--scenario",
                  "idle",
                  "--rooms",
                  "100",
                  "--subscribers",
                  given.getOrDefault("idle", "5000"));
          case "connect" ->
              List.of(
                  "--scenario",
                  "connect",
                  "--rooms",
                  "100",
                  "--concurrency",
                  "200",
                  "--subscribers",
                  given.getOrDefault("storm", "2000"));
          case "fanout-max" -> List.of("--subscribers", subscribers, "--rate", "0");
          case "fanout-big" ->
              List.of("--subscribers", given.getOrDefault("big", "5000"), "--rate", "0");
          case "fanout-10k", "fanout-40k" ->
              List.of(
                  "--subscribers",
                  subscribers,
                  "--rate",
                  Double.toString(
                      1000.0
                          * Integer.parseInt(scenario.substring(7, scenario.length() - 1))
                          / Integer.parseInt(subscribers)));
          case "stalled" ->
              List.of(
                  "--subscribers",
                  subscribers,
                  "--stalled",
                  "1",
                  "--rate",
                  Double.toString(40_000.0 / Integer.parseInt(subscribers)));
          case "rooms-max" ->
              List.of(
                  "--subscribers",
                  given.getOrDefault("big", "5000"),
                  "--rooms",
                  "100",
                  "--publishers",
                  "100",
                  "--window",
                  "8",
                  "--rate",
                  "0");
          case "direct" ->
              List.of(
                  "--scenario",
                  "direct",
                  "--subscribers",
                  given.getOrDefault("pairs", "500"),
                  "--rate",
                  "20");
          default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    args.addAll(specific);
    args.addAll(List.of("--name", scenario));
    return args.toArray(String[]::new);
  }

  private static void pause() {
    try {
      Thread.sleep(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Medians per scenario and server, ratios to {@code baseline}, charts. */
  static void report(Path csv, Path out, String baseline) throws IOException {
    List<Result> rows =
        Files.readAllLines(csv).stream()
            .skip(1)
            .filter(l -> !l.isBlank())
            .map(Result::parse)
            .toList();
    Map<String, Map<String, List<Result>>> byScenario = new LinkedHashMap<>();
    for (Result row : rows) {
      byScenario
          .computeIfAbsent(row.scenario(), s -> new LinkedHashMap<>())
          .computeIfAbsent(row.label(), l -> new ArrayList<>())
          .add(row);
    }
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\nMedians over the rounds in `results.csv` (")
        .append(rows.size())
        .append(" runs). Latencies in microseconds, CPU in microseconds per delivery,")
        .append(" memory in bytes per connection; ratios are to `")
        .append(baseline)
        .append("` in the same run.\n\n");
    md.append(
        "| scenario | server | runs | connections | deliveries/s | p50 | p90 | p99 | p99.9 |"
            + " lost | dup | ooo | closed | server CPU/delivery | generator CPU/delivery |"
            + " connects/s | heap/conn | RSS/conn |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (var scenario : byScenario.entrySet()) {
      for (var server : scenario.getValue().entrySet()) {
        List<Result> runs = server.getValue();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |"
                    + " %.0f | %.2f | %.2f | %.0f | %.0f | %.0f |\n",
                scenario.getKey(),
                server.getKey(),
                runs.size(),
                median(runs, Result::connections),
                median(runs, Result::deliveriesPerSecond),
                median(runs, Result::p50),
                median(runs, Result::p90),
                median(runs, Result::p99),
                median(runs, Result::p999),
                sum(runs, Result::lost),
                sum(runs, Result::duplicated),
                sum(runs, Result::outOfOrder),
                sum(runs, Result::closedByServer),
                median(runs, Result::serverCpuMicrosPerDelivery),
                median(runs, Result::generatorCpuMicrosPerDelivery),
                median(runs, Result::connectsPerSecond),
                median(runs, Result::heapBytesPerConnection),
                median(runs, Result::rssBytesPerConnection)));
      }
    }
    md.append("\n## Ratios to ").append(baseline).append("\n\n");
    md.append("| scenario | server | throughput | server CPU/delivery | p99 | connects/s |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (var scenario : byScenario.entrySet()) {
      List<Result> base = scenario.getValue().get(baseline);
      if (base == null) {
        continue;
      }
      for (var server : scenario.getValue().entrySet()) {
        if (server.getKey().equals(baseline)) {
          continue;
        }
        List<Result> runs = server.getValue();
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s |\n",
                scenario.getKey(),
                server.getKey(),
                ratio(runs, base, Result::deliveriesPerSecond),
                ratio(runs, base, Result::serverCpuMicrosPerDelivery),
                ratio(runs, base, Result::p99),
                ratio(runs, base, Result::connectsPerSecond)));
      }
    }
    md.append(
        "\n![throughput](throughput.png)\n![cpu](cpu.png)\n![p99](p99.png)\n"
            + "![connects](connects.png)\n![memory](memory.png)\n");
    Files.writeString(out.resolve("results.md"), md.toString());

    chart(
        byScenario,
        "Fan-out deliveries per second (median)",
        "deliveries/s",
        Result::deliveriesPerSecond,
        out.resolve("throughput.png"),
        Suite::delivers);
    chart(
        byScenario,
        "Server CPU per delivery (median)",
        "microseconds",
        Result::serverCpuMicrosPerDelivery,
        out.resolve("cpu.png"),
        Suite::delivers);
    chart(
        byScenario,
        "Delivery latency p99 (median)",
        "microseconds",
        Result::p99,
        out.resolve("p99.png"),
        Suite::delivers);
    chart(
        byScenario,
        "Connection setup rate: handshake + join (median)",
        "connections/s",
        Result::connectsPerSecond,
        out.resolve("connects.png"),
        "connect"::equals);
    chart(
        byScenario,
        "Server memory per idle joined connection",
        "bytes (RSS; heap for Java)",
        r ->
            r.heapBytesPerConnection() >= 0
                ? r.heapBytesPerConnection()
                : r.rssBytesPerConnection(),
        out.resolve("memory.png"),
        "idle"::equals);
  }

  private static boolean delivers(String scenario) {
    return !scenario.equals("idle") && !scenario.equals("connect");
  }

  private static void chart(
      Map<String, Map<String, List<Result>>> byScenario,
      String title,
      String unit,
      ToDoubleFunction<Result> metric,
      Path file,
      java.util.function.Predicate<String> scenarios)
      throws IOException {
    List<String> groups = new ArrayList<>();
    List<String> series = new ArrayList<>();
    for (var scenario : byScenario.entrySet()) {
      if (!scenarios.test(scenario.getKey())) {
        continue;
      }
      groups.add(scenario.getKey());
      scenario.getValue().keySet().stream().filter(s -> !series.contains(s)).forEach(series::add);
    }
    double[][] values = new double[groups.size()][series.size()];
    for (int g = 0; g < groups.size(); g++) {
      Arrays.fill(values[g], -1);
      for (int s = 0; s < series.size(); s++) {
        List<Result> runs = byScenario.get(groups.get(g)).get(series.get(s));
        if (runs != null) {
          values[g][s] = median(runs, metric);
        }
      }
    }
    Chart.bars(title, unit, groups, series, values, file);
  }

  private static String ratio(
      List<Result> runs, List<Result> base, ToDoubleFunction<Result> metric) {
    double b = median(base, metric);
    double v = median(runs, metric);
    return b > 0 && v >= 0 ? String.format(Locale.ROOT, "%.2fx", v / b) : "n/a";
  }

  static double median(List<Result> runs, ToDoubleFunction<Result> metric) {
    double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static double sum(List<Result> runs, ToDoubleFunction<Result> metric) {
    return runs.stream().mapToDouble(metric).sum();
  }
}
