package dev.burstgitops.cli;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** {@code burst_gitops_config_rejected}: 1 while a changed config file is refused and the last good one runs. */
final class ConfigRejectedGauge {

    private ConfigRejectedGauge() {
    }

    static void register(PrometheusRegistry registry, ConfigState state) {
        GaugeWithCallback.builder().name("burst_gitops_config_rejected")
                .help("1 while the config file holds a version that was refused (the last good one runs), else 0.")
                .callback(callback -> callback.call(state.rejecting() ? 1 : 0))
                .register(registry);
    }
}
