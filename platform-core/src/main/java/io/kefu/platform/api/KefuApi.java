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
                + "Errors are application/problem+json with a stable `code`.\n\n"
                + "Authentication: HTTP Basic (`<tenant>/<user>:<password>`, operators `operator:<password>`) "
                + "or, for channels and integrations, `Authorization: Bearer <token>` with an API token that a "
                + "tenant admin issues with `POST /api/v1/auth/tokens`. A token acts as the admin who issued it "
                + "and selects the tenant by itself. Every tenant endpoint accepts either scheme; a missing, "
                + "wrong or revoked token is answered 401."))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Operators: `operator:<password>`. Tenant users: `<tenant>/<user>:<password>`.")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "kefu_<43 chars>",
        description = "A tenant API token (`kefu_` and 43 characters), issued by `POST /api/v1/auth/tokens`. Tenant endpoints only.")
public class KefuApi extends Application {
}
