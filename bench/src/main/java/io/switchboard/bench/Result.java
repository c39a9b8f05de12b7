package io.switchboard.bench;

import java.util.Locale;

/**
 * What one run measured. Latencies in microseconds; CPU in microseconds per delivery; memory in
 * bytes per connection; -1 where the run could not measure it.
 */
record Result(
    String label,
    String scenario,
    int connections,
    long deliveries,
    double deliveriesPerSecond,
    long p50,
    long p90,
    long p99,
    long p999,
    long lost,
    long duplicated,
    long outOfOrder,
    long errors,
    long closedByServer,
    double serverCpuMicrosPerDelivery,
    double generatorCpuMicrosPerDelivery,
    double connectsPerSecond,
    long setupP50,
    long setupP99,
    double heapBytesPerConnection,
    double rssBytesPerConnection) {

  static final String CSV_HEADER =
      "label,scenario,connections,deliveries,deliveries_per_s,p50_us,p90_us,p99_us,p999_us,lost,"
          + "duplicated,out_of_order,errors,closed_by_server,server_cpu_us_per_delivery,"
          + "generator_cpu_us_per_delivery,connects_per_s,setup_p50_us,setup_p99_us,"
          + "heap_bytes_per_connection,rss_bytes_per_connection";

  String csv() {
    return String.format(
        Locale.ROOT,
        "%s,%s,%d,%d,%.0f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.0f,%d,%d,%.0f,%.0f",
        label,
        scenario,
        connections,
        deliveries,
        deliveriesPerSecond,
        p50,
        p90,
        p99,
        p999,
        lost,
        duplicated,
        outOfOrder,
        errors,
        closedByServer,
        serverCpuMicrosPerDelivery,
        generatorCpuMicrosPerDelivery,
        connectsPerSecond,
        setupP50,
        setupP99,
        heapBytesPerConnection,
        rssBytesPerConnection);
  }

  static Result parse(String line) {
    String[] f = line.split(",");
    return new Result(
        f[0],
        f[1],
        Integer.parseInt(f[2]),
        Long.parseLong(f[3]),
        Double.parseDouble(f[4]),
        Long.parseLong(f[5]),
        Long.parseLong(f[6]),
        Long.parseLong(f[7]),
        Long.parseLong(f[8]),
        Long.parseLong(f[9]),
        Long.parseLong(f[10]),
        Long.parseLong(f[11]),
        Long.parseLong(f[12]),
        Long.parseLong(f[13]),
        Double.parseDouble(f[14]),
        Double.parseDouble(f[15]),
        Double.parseDouble(f[16]),
        Long.parseLong(f[17]),
        Long.parseLong(f[18]),
        Double.parseDouble(f[19]),
        Double.parseDouble(f[20]));
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "%s %s: %d connections, %d deliveries (%.0f/s), latency p50 %d us p90 %d us p99 %d us"
            + " p99.9 %d us; lost %d, duplicated %d, out of order %d, errors %d, closed %d;"
            + " CPU per delivery: server %.2f us, generator %.2f us; connects %.0f/s (setup p50 %d"
            + " us, p99 %d us); per connection: heap %.0f B, RSS %.0f B",
        label,
        scenario,
        connections,
        deliveries,
        deliveriesPerSecond,
        p50,
        p90,
        p99,
        p999,
        lost,
        duplicated,
        outOfOrder,
        errors,
        closedByServer,
        serverCpuMicrosPerDelivery,
        generatorCpuMicrosPerDelivery,
        connectsPerSecond,
        setupP50,
        setupP99,
        heapBytesPerConnection,
        rssBytesPerConnection);
  }
}
