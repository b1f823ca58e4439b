package io.shotscope.jobs;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the model ({@code model} in /ready): up when there is none (shots are measured only), when
 * it is not loaded yet (it loads with the first job) and when it is loaded; down when loading failed.
 */
@Component
public class ModelHealthIndicator implements HealthIndicator {

    private final ShotModel model;

    public ModelHealthIndicator(ShotModel model) {
        this.model = model;
    }

    @Override
    public Health health() {
        ShotModel.State state = model.state();
        Health.Builder health = state.failure() == null ? Health.up() : Health.down().withDetail("error", state.failure());
        health.withDetail("version", model.version()).withDetail("loaded", state.loaded());
        model.dir().ifPresent(dir -> health.withDetail("dir", dir.toString()));
        return health.build();
    }
}
