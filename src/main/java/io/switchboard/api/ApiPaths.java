package io.switchboard.api;

import java.net.URI;
import java.net.URISyntaxException;

/** Which request paths, relative to the {@code /api} application, belong to the server API. */
public final class ApiPaths {

  private ApiPaths() {}

  /**
   * True only for {@code v1} and paths under it that are already normal (no dot segments, no empty
   * segments, no parameters): anything else stays behind the admin gate, so a crafted path cannot
   * reach an admin resource with a service's credentials.
   */
  public static boolean isServerApi(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (!(relative.equals("v1") || relative.startsWith("v1/"))
        || relative.contains("//")
        || relative.contains(";")
        || relative.contains("\\")) {
      return false;
    }
    try {
      return new URI(null, null, "/" + relative, null).normalize().getPath().equals("/" + relative);
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
