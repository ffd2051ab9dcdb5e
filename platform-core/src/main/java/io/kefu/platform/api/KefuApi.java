package io.kefu.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api}; versioned by path ({@code /api/v1/...}). */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Kefu API", version = "1",
        description = "Operators provision tenants; tenants' users and channels work with their own data. "
                + "Errors are application/problem+json with a stable `code`."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Operators: `operator:<password>`. Tenant users: `<tenant>/<user>:<password>`.")
public class KefuApi extends Application {
}
