package io.shotscope.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title page (/docs/openapi.json, Swagger UI at /docs) and how callers authenticate. */
@Configuration
public class OpenApiDocument {

    @Bean
    OpenAPI shotscopeOpenApi() {
        return new OpenAPI().info(new Info()
                .title("shotscope API")
                .version("v1")
                .description("Submit VFX plates, follow their analysis and read complexity reports."
                        + " Sign in with POST /api/v1/auth/token and send the token as 'Authorization: Bearer';"
                        + " machines send an API key the same way or as X-API-Key."
                        + " Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT or API key"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
