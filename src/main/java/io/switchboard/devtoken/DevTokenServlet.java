package io.switchboard.devtoken;

import io.switchboard.auth.Caller;
import io.switchboard.protocol.Json;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /dev/token?user=alice&groups=admin,ops&ttl=3600}: a development token as JSON ({@code
 * access_token}, {@code token_type}, {@code expires_in}). Registered only when {@code
 * WS_DEV_TOKENS=true}, and even then answers loopback callers only.
 */
public class DevTokenServlet extends HttpServlet {

  static final String PATH = "/dev/token";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@:-]{1,64}");
  private static final long MAX_TTL_SECONDS = 86_400;

  @Inject DevTokens tokens;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "development tokens: loopback only");
      return;
    }
    String user = request.getParameter("user");
    String groupList = request.getParameter("groups");
    List<String> groups =
        groupList == null || groupList.isBlank()
            ? List.of()
            : Arrays.stream(groupList.split(",")).map(String::trim).toList();
    long ttl;
    try {
      ttl =
          request.getParameter("ttl") == null ? 3600 : Long.parseLong(request.getParameter("ttl"));
    } catch (NumberFormatException e) {
      ttl = -1;
    }
    if (user == null
        || !NAME.matcher(user).matches()
        || user.startsWith(Caller.GUEST_PREFIX)
        || !groups.stream().allMatch(g -> NAME.matcher(g).matches())
        || ttl < 1
        || ttl > MAX_TTL_SECONDS) {
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST,
          "use ?user=<id>&groups=<a,b>&ttl=<seconds, 1 to 86400>; ids are 1 to 64 of"
              + " A-Z a-z 0-9 _ . @ : - and users may not start with guest-");
      return;
    }
    String token = tokens.mint(user, groups, Duration.ofSeconds(ttl));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            Json.PROVIDER
                .createObjectBuilder()
                .add("access_token", token)
                .add("token_type", "Bearer")
                .add("expires_in", ttl)
                .add("user_id", user)
                .add("groups", Json.PROVIDER.createArrayBuilder(groups))
                .build()
                .toString());
  }
}
