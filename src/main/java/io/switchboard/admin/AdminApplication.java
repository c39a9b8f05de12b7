package io.switchboard.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The hub's Jakarta REST application. Everything under {@code /api} is for operators and goes
 * through {@link AdminGate}.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Switchboard admin API",
            version = "1",
            description =
                "Inspect and act on the connections of one Switchboard node. Every operation needs"
                    + " a JWT whose groups claim contains admin, verified like the WebSocket"
                    + " handshake's (same keys, issuer, audiences)."),
    security = @SecurityRequirement(name = AdminApplication.BEARER))
@SecurityScheme(
    securitySchemeName = AdminApplication.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class AdminApplication extends Application {

  static final String BEARER = "bearer";
}
