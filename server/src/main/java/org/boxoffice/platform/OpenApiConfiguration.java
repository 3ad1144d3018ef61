package org.boxoffice.platform;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, with Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * Schemas of nested records are named after their enclosing type too ({@code EventDetailZone},
     * {@code VenueZone}, {@code SeatMapZone}): by simple name alone, four different {@code Zone}s
     * would share one schema, and a generated client would read the wrong fields.
     */
    @Bean
    ModelResolver nestedTypeNames() {
        return new ModelResolver(Json.mapper(), new NestedTypeNames()).openapi31(true);
    }

    private static final class NestedTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            var enclosing = type.getEnclosingClass();
            return enclosing == null
                    ? super.getNameOfClass(type)
                    : getNameOfClass(enclosing) + super.getNameOfClass(type);
        }
    }

    @Bean
    OpenAPI boxofficeApi() {
        var bearer = new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("A token from POST /api/v1/auth/login or POST /api/v1/admin/tokens");
        return new OpenAPI()
                .info(new Info().title("boxoffice").version("1").description("""
                                A ticket booking engine. Errors are RFC 9457 problem documents with a stable \
                                `code`. Mutating order requests take an `Idempotency-Key` header (1-64 printable \
                                characters); other authenticated POSTs honour one when sent."""))
                .components(new Components().addSecuritySchemes("bearer", bearer))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
