package dev.burstgitops.validate;

import dev.burstgitops.controller.ClusterRendering;
import dev.burstgitops.manifest.RepositoryLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a repository checkout without any cluster: the check a pull request runs in CI. It
 * reads files and nothing else, reports every problem rather than stopping at the first, and
 * renders each cluster exactly as the sync loop will, so that what passes here applies there.
 *
 * <p>The checks, in order: the layout's YAML parses; burst-gitops.yaml is valid and its
 * policies' VirtualServices exist; each cluster renders under its policy; VirtualService
 * weights and subsets hold together; overrides are valid, current and for a known policy. Beside
 * the problems it warns of policy queries that will measure the wrong thing ({@link QueryCheck}).
 */
public final class RepositoryValidator {

    private final Clock clock;

    /** @param clock the time overrides are checked against */
    public RepositoryValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param repository an existing directory: the root of the checkout */
    public ValidationReport validate(Path repository) {
        Path root = realPath(repository);
        List<ValidationProblem> problems = new ArrayList<>();
        List<ValidationWarning> warnings = new ArrayList<>();
        DocumentLines lines = new DocumentLines(root);

        LayoutYaml layout = LayoutYaml.read(root, configuredLimits(root));
        problems.addAll(layout.problems());

        ConfigCheck config = ConfigCheck.run(root, layout.unparsable());
        problems.addAll(config.problems());
        config.config().ifPresent(c -> problems.addAll(PolicyFileCheck.run(root, c, layout.unparsable(), lines)));
        config.config().ifPresent(c -> warnings.addAll(QueryCheck.run(c, lines)));

        VirtualServiceCheck virtualServices = new VirtualServiceCheck(lines);
        int objects = 0;
        List<ClusterTarget> clusters = ClusterTarget.of(root, config.config());
        for (ClusterTarget cluster : clusters) {
            ClusterRenderCheck rendered = ClusterRenderCheck.run(root, cluster);
            problems.addAll(rendered.problems());
            problems.addAll(virtualServices.run(rendered.objects()));
            objects += rendered.objects().size();
        }
        problems.addAll(virtualServices.run(layout.appsObjects(), layout.objects()));

        problems.addAll(new OverrideCheck(clock.instant(), lines).run(root, config, layout.unparsable()));
        return ValidationReport.of(problems, warnings, clusters.size(), objects, config.policyCount());
    }

    /**
     * The limits of the repository's own burst-gitops.yaml, read ahead of the checks that report
     * its problems; the defaults when it is missing or invalid (its problems are reported below).
     */
    private static RepositoryLimits configuredLimits(Path root) {
        return ConfigCheck.run(root, Set.of()).config()
                .map(config -> ClusterRendering.limits(config.sync().limits()))
                .orElse(RepositoryLimits.DEFAULTS);
    }

    private static Path realPath(Path repository) {
        try {
            // Real, so that file names in problems are relative to the same root the renderer uses.
            return repository.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read repository " + repository, e);
        }
    }
}
