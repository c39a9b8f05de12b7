package io.switchboard.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The hub's Jakarta REST application: the server API for services under {@code /api/v1} (behind
 * {@code io.switchboard.api.ApiGate}) and the admin API for operators under {@code /api/admin}
 * (behind {@link AdminGate}, which also answers every other path).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Switchboard admin API and server API",
            version = "1",
            description =
                "Admin API (/api/admin): inspect and act on the connections of one Switchboard"
                    + " node; every operation needs a JWT whose groups claim contains admin,"
                    + " verified like the WebSocket handshake's (same keys, issuer, audiences)."
                    + " Server API (/api/v1): what the application's backend does through the hub;"
                    + " every operation needs an X-API-Key of WS_API_KEYS or a JWT whose groups"
                    + " contain WS_API_PUBLISHER_GROUP. Server API errors are"
                    + " application/problem+json with the protocol's error code."),
    security = @SecurityRequirement(name = AdminApplication.BEARER))
@SecurityScheme(
    securitySchemeName = AdminApplication.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
@SecurityScheme(
    securitySchemeName = AdminApplication.API_KEY,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    apiKeyName = "X-API-Key")
public class AdminApplication extends Application {

  static final String BEARER = "bearer";

  static final String API_KEY = "apiKey";
}
