package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code src/main} depend on each other without a cycle, so each can be read, and
 * replaced, from the bottom up (docs/architecture.md). A package depends on another when one of its
 * files names that package: in an import, a fully qualified name or a Javadoc link (text that only
 * looks like a package, such as a property key, names no package that exists and is ignored).
 */
class PackageGraphTest {

  private static final Path MAIN = Path.of("src/main/java/io/switchboard");
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.switchboard\\.([a-z]+)\\b");

  @Test
  void mainPackagesDependOnEachOtherWithoutACycle() throws IOException {
    Map<String, Set<String>> graph = dependencies();
    Optional<List<String>> cycle = cycle(graph);

    assertThat(graph).as("packages found under %s", MAIN).hasSizeGreaterThan(10);
    assertThat(cycle)
        .as("package cycle %s in %s", cycle.map(c -> String.join(" -> ", c)).orElse(""), graph)
        .isEmpty();
  }

  @Test
  void aCycleIsFoundAndNamed() {
    Map<String, Set<String>> graph =
        Map.of(
            "registry", Set.of("auth"),
            "auth", Set.of("metrics"),
            "metrics", Set.of("registry", "protocol"),
            "protocol", Set.of());

    assertThat(cycle(graph))
        .hasValueSatisfying(
            c -> assertThat(c).containsSubsequence("auth", "metrics", "registry").hasSize(4));
    assertThat(cycle(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
  }

  /** Each package of src/main and the other packages its files name. */
  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              file -> {
                String own = MAIN.relativize(file).getName(0).toString();
                Set<String> uses = graph.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                  if (!m.group(1).equals(own)) {
                    uses.add(m.group(1));
                  }
                }
              });
    }
    graph.values().forEach(uses -> uses.retainAll(graph.keySet()));
    return graph;
  }

  /** A cycle as the packages along it, first one repeated at the end; empty when there is none. */
  private static Optional<List<String>> cycle(Map<String, Set<String>> graph) {
    Set<String> done = new HashSet<>();
    for (String start : new TreeSet<>(graph.keySet())) {
      Optional<List<String>> found = cycleFrom(start, graph, new ArrayList<>(), done);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> cycleFrom(
      String node, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
    int seen = path.indexOf(node);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(node);
      return Optional.of(cycle);
    }
    if (done.contains(node)) {
      return Optional.empty();
    }
    path.add(node);
    for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
      Optional<List<String>> found = cycleFrom(next, graph, path, done);
      if (found.isPresent()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return Optional.empty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
