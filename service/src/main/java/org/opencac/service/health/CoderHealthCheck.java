package org.opencac.service.health;

import com.codahale.metrics.health.HealthCheck;
import org.opencac.service.core.CoderHolder;

/** Healthy once the coding engine is loaded; says so while it is still loading or if it failed. */
public class CoderHealthCheck extends HealthCheck {
    private final CoderHolder coder;

    public CoderHealthCheck(CoderHolder coder) {
        this.coder = coder;
    }

    @Override
    protected Result check() {
        if (coder.isLoaded()) {
            return Result.healthy("coding engine loaded: " + coder.require().version());
        }
        String failure = coder.failure();
        return Result.unhealthy(failure == null ? "coding engine still loading" : "coding engine failed: " + failure);
    }
}
