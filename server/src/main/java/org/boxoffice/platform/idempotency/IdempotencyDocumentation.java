package org.boxoffice.platform.idempotency;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The {@code Idempotency-Key} header in the OpenAPI description: required on the POSTs of
 * {@code boxoffice.idempotency.required-paths}, optional on every other POST. The filter reads
 * it, so no handler declares it.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyDocumentation {

    @Bean
    OpenApiCustomizer idempotencyKeyHeader(IdempotencySettings settings) {
        var paths = new AntPathMatcher();
        return api -> api.getPaths().forEach((path, item) -> {
            var post = item.getPost();
            if (post == null) {
                return;
            }
            boolean required = settings.requiredPaths().stream().anyMatch(pattern -> paths.match(pattern, path));
            post.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .required(required)
                    .description("1-64 printable characters. The same key and body again get the first answer, and"
                            + " nothing happens twice; the same key with another body: 422 IDEMPOTENCY_KEY_REUSED;"
                            + " while the first request runs: 409 IDEMPOTENCY_KEY_IN_USE."
                            + (required ? " Required: without it, 400 IDEMPOTENCY_KEY_REQUIRED." : ""))
                    .schema(new StringSchema().minLength(1).maxLength(64)));
        });
    }
}
