package org.boxoffice.platform.engines;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external Redis is configured. */
class NoExternalRedis implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return !environment.containsProperty("spring.data.redis.url")
                && !environment.containsProperty("spring.data.redis.host");
    }
}
