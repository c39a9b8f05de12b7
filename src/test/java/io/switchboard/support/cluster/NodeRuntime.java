package io.switchboard.support.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * How one kind of server runs the packaged WAR as a standalone process: the command line for a node
 * on a given port, and where its readiness check answers. Payara Micro is the one implemented; a
 * server whose start is more than one command (a WildFly or Liberty installation per node) would
 * prepare its directory in {@link #command} and be chosen by {@link #fromSystemProperties}.
 */
public interface NodeRuntime {

  /** The process to start for a node named {@code name} serving the WAR on {@code port}. */
  List<String> command(String name, int port, Path workDirectory);

  /** The path of the readiness check on the node's port (MicroProfile Health). */
  String readinessPath();

  /** Whether the node's output so far says the WAR failed to deploy (it will never be ready). */
  boolean deploymentFailed(String log);

  /**
   * The runtime the build chose ({@code switchboard.cluster.runtime}, set by the server's Maven
   * profile), configured from the build's system properties.
   */
  static NodeRuntime fromSystemProperties() {
    String name = System.getProperty("switchboard.cluster.runtime", "payara-micro");
    if (name.equals("payara-micro")) {
      return PayaraMicro.fromSystemProperties();
    }
    throw new IllegalStateException("no cluster node runtime named " + name);
  }
}
