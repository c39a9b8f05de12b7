package io.switchboard.node;

import io.switchboard.protocol.Json;
import io.switchboard.registry.Connections;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /status}: whether this node takes connections ({@code up}, or {@code draining} with
 * 503 so a load balancer stops sending clients here) and how many it holds.
 *
 * <p>It also starts the drain when the web module stops. Its place in the shutdown order is the
 * reason: servlets are destroyed before the container closes WebSocket sessions (WildFly's Undertow
 * closes them before any context listener runs), so only here can clients still be told.
 */
@WebServlet(urlPatterns = "/status", loadOnStartup = 1)
public class StatusServlet extends HttpServlet {

  @Inject Drain drain;
  @Inject Connections connections;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean draining = drain.isDraining();
    response.setStatus(draining ? 503 : 200);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            Json.PROVIDER
                .createObjectBuilder()
                .add("status", draining ? "draining" : "up")
                .add("connections", connections.count())
                .build()
                .toString());
  }

  @Override
  public void destroy() {
    drain.drainAndWait();
  }
}
