package dev.burstgitops.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;

/**
 * What {@code run} adds to the controller's registry beyond ControllerMetrics, registered the
 * way {@link RunCommand} does, for tests outside this package that need the whole of /metrics
 * (the monitoring bundle's metric names).
 */
public final class RunMetrics {

    private RunMetrics() {
    }

    /** Registers {@code burst_gitops_config_rejected} for a config file at {@code configFile}. */
    public static void registerRunsOwn(PrometheusRegistry registry, Path configFile) {
        ConfigRejectedGauge.register(registry,
                new ConfigState(configFile, configFile.resolveSibling("burst-gitops-last-good.yaml")));
    }
}
