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
 */
public record DemoOptions(Duration duration, DemoScenario scenario, Optional<Path> keep, boolean json) {

    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(3);
}
