package io.switchboard.devtoken;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Adds {@link DevTokenServlet} to the application only when development tokens are on: otherwise
 * {@code /dev/token} does not exist at all.
 */
@WebListener
public class DevTokenRegistration implements ServletContextListener {

  @Inject DevTokens tokens;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (tokens.enabled()) {
      event
          .getServletContext()
          .addServlet("switchboard-dev-tokens", DevTokenServlet.class)
          .addMapping(DevTokenServlet.PATH);
    }
  }
}
