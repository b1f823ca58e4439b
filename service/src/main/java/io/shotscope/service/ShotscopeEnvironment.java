package io.shotscope.service;

import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Derives Spring's, Tomcat's and JobRunr's settings from {@link ShotscopeProperties}, so every default
 * stays in that one class. The derived values sit last among the property sources: anything set
 * directly ({@code server.port}, {@code spring.datasource.url} ...) still wins. They are computed when
 * asked for, so property sources added later (tests) are seen too.
 */
public final class ShotscopeEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "shotscope-derived";
    /** Room for the multipart envelope around the largest accepted file. */
    private static final DataSize MULTIPART_OVERHEAD = DataSize.ofKilobytes(64);

    private static final Map<String, Function<ShotscopeProperties, Object>> DERIVED = Map.ofEntries(
            Map.entry("server.port", p -> p.port()),
            Map.entry("server.address", p -> p.address()),
            Map.entry("spring.datasource.url", p -> p.db().jdbcUrl(p.data().dir())),
            Map.entry("spring.datasource.username", p -> p.db().user()),
            Map.entry("spring.datasource.password", p -> p.db().password()),
            Map.entry("spring.servlet.multipart.max-file-size", p -> p.upload().limit().toBytes()),
            Map.entry("spring.servlet.multipart.max-request-size",
                    p -> p.upload().limit().toBytes() + MULTIPART_OVERHEAD.toBytes()),
            Map.entry("spring.servlet.multipart.location", p -> p.data().incoming().toAbsolutePath().toString()),
            Map.entry("jobrunr.background-job-server.enabled", p -> p.role().runsJobs()),
            Map.entry("jobrunr.background-job-server.poll-interval-in-seconds",
                    p -> p.jobs().pollInterval().toSeconds()),
            Map.entry("jobrunr.background-job-server.worker-count", p -> p.jobs().workers()),
            Map.entry("jobrunr.jobs.default-number-of-retries", p -> p.jobs().retries()),
            Map.entry("springdoc.api-docs.enabled", p -> p.role().servesApi()),
            Map.entry("springdoc.swagger-ui.enabled", p -> p.role().servesApi()));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new Derived(environment));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The properties bound from an environment, with every default applied. */
    public static ShotscopeProperties bind(ConfigurableEnvironment environment) {
        return Binder.get(environment).bindOrCreate("shotscope", ShotscopeProperties.class);
    }

    /**
     * The environment is a field, not the source object: Spring Boot walks into property sources whose
     * source is an environment, which would loop back here.
     */
    private static final class Derived extends PropertySource<Object> {
        private final ConfigurableEnvironment environment;

        Derived(ConfigurableEnvironment environment) {
            super(SOURCE_NAME);
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            Function<ShotscopeProperties, Object> rule = DERIVED.get(name);
            return rule == null ? null : rule.apply(bind(environment));
        }
    }
}
