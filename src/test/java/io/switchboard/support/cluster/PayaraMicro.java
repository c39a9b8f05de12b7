package io.switchboard.support.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A node on Payara Micro, started exactly as {@code docs/cluster.md} tells operators: the same jar,
 * the same post-boot commands, the WAR at the root context, Hazelcast clustering off (the hub's
 * cluster is Redis). Each node gets its own root directory so that two never share a domain.
 */
record PayaraMicro(Path java, Path microJar, Path war, Path postBootCommands)
    implements NodeRuntime {

  static PayaraMicro fromSystemProperties() {
    return new PayaraMicro(
        Path.of(ProcessHandle.current().info().command().orElse("java")),
        existing("payara.microJar"),
        existing("switchboard.war"),
        existing("payara.postBootCommands"));
  }

  @Override
  public List<String> command(String name, int port, Path workDirectory) {
    return List.of(
        java.toString(),
        "-Xmx384m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-jar",
        microJar.toString(),
        "--nocluster",
        "--rootdir",
        workDirectory.resolve("root").toString(),
        "--postbootcommandfile",
        postBootCommands.toString(),
        "--port",
        String.valueOf(port),
        "--contextroot",
        "/",
        "--deploy",
        war.toString());
  }

  @Override
  public String readinessPath() {
    return "/health/ready";
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.exists(Path.of(value))) {
      throw new IllegalStateException(
          "system property " + property + " must name an existing file, not " + value);
    }
    return Path.of(value);
  }
}
