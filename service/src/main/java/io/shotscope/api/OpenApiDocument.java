package io.shotscope.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title page (/docs/openapi.json, Swagger UI at /docs). */
@Configuration
public class OpenApiDocument {

    @Bean
    OpenAPI shotscopeOpenApi() {
        return new OpenAPI().info(new Info()
                .title("shotscope API")
                .version("v1")
                .description("Submit VFX plates, follow their analysis and read complexity reports."
                        + " Errors are RFC 9457 problem details."));
    }
}
