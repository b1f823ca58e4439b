package io.shotscope.service;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches in processes that serve the REST API and watch the drop folder ({@code serve}, {@code serve --no-worker}). */
public final class ServesApi implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return ShotscopeEnvironment.bind((ConfigurableEnvironment) context.getEnvironment()).role().servesApi();
    }

    /** Matches in worker-only processes ({@code serve --worker}). */
    public static final class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new ServesApi().matches(context, metadata);
        }
    }
}
