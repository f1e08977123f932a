package dev.burstgitops.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code burst-gitops demo} was asked for.
 *
 * @param duration how long the loops and the traffic run (the scenario's clock)
 * @param keep     where to leave the repository, kubeconfigs and configuration; empty: a temp dir, removed
 * @param json     events as JSON lines instead of the readable timeline
 * @param query    the worker policy's PromQL: the reference query, unless a test compares another
 *                 or needs a window shorter than the reference's minute to finish in seconds
 */
public record DemoOptions(Duration duration, DemoScenario scenario, Optional<Path> keep, boolean json, String query) {

    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(3);

    /** The demo on the reference query. */
    public DemoOptions(Duration duration, DemoScenario scenario, Optional<Path> keep, boolean json) {
        this(duration, scenario, keep, json, DemoConfigFile.WORKER_QUERY);
    }
}
