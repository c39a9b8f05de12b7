package io.switchboard.support.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A node on Payara Micro, started exactly as {@code docs/cluster.md} tells operators: the same jar,
 * the same post-boot commands, the WAR at the root context, Hazelcast clustering off (the hub's
 * cluster is Redis). Each start gets a new root directory, as a node started the documented way (no
 * {@code --rootdir}) does: a root kept from an earlier run would deploy the WAR before the
 * post-boot commands run, and their executor settings would then restart it under its first
 * clients.
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
        freshRoot(workDirectory).toString(),
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

  @Override
  public boolean deploymentFailed(String log) {
    return log.contains("Exception while loading the app");
  }

  private static Path freshRoot(Path workDirectory) {
    try {
      return Files.createTempDirectory(workDirectory, "root-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a root directory in " + workDirectory, e);
    }
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
