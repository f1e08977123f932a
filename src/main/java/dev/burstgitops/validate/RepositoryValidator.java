package dev.burstgitops.validate;

import dev.burstgitops.manifest.ClusterRendering;
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
 * <p>The checks, in order: the layout's YAML parses; each configuration the repository keeps
 * (a root burst-gitops.yaml, ConfigMaps that embed one) is valid and its policies'
 * VirtualServices exist; each cluster renders under its policy; the VirtualServices of every
 * render and of every YAML file of the repository route with weights and subsets that hold
 * together; overrides are valid, current and for a known policy. Beside the problems it warns
 * of policy queries that will measure the wrong thing ({@link QueryCheck}).
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

        YamlFiles files = YamlFiles.of(root);
        ConfigSources found = ConfigSources.find(root, files.all());
        problems.addAll(found.problems());
        RepositoryYaml yaml = RepositoryYaml.read(root, files, configuredLimits(root, found));
        problems.addAll(yaml.problems());

        List<ConfigCheck> configs = found.sources().stream()
                .map(source -> ConfigCheck.run(root, source, yaml.unparsable())).toList();
        for (ConfigCheck config : configs) {
            problems.addAll(config.problems());
            config.config().ifPresent(c -> {
                problems.addAll(PolicyFileCheck.run(root, c, config.source(), yaml.unparsable()));
                warnings.addAll(QueryCheck.run(c, config.source()));
                warnings.addAll(MissingDataCheck.run(c, config.source()));
            });
        }

        VirtualServiceCheck virtualServices = new VirtualServiceCheck(lines);
        int objects = 0;
        List<ClusterTarget> clusters = ClusterTarget.of(root,
                configs.stream().flatMap(config -> config.config().stream()).toList());
        for (ClusterTarget cluster : clusters) {
            ClusterRenderCheck rendered = ClusterRenderCheck.run(root, cluster);
            problems.addAll(rendered.problems());
            problems.addAll(virtualServices.run(rendered.objects()));
            objects += rendered.objects().size();
        }
        // Every VirtualService as written, rendered by a cluster or not (kept in mesh/, applied by
        // other means), against every DestinationRule of the repository.
        problems.addAll(virtualServices.run(yaml.objects()));

        problems.addAll(new OverrideCheck(clock.instant(), lines).run(root, configs, yaml.unparsable()));
        return ValidationReport.of(problems, warnings, clusters.size(), objects,
                configs.stream().mapToInt(ConfigCheck::policyCount).sum(),
                configs.stream().map(config -> config.source().file()).toList());
    }

    /**
     * The limits of the repository's first valid configuration, read ahead of the checks that
     * report its problems; the defaults when there is none (its problems are reported below).
     */
    private static RepositoryLimits configuredLimits(Path root, ConfigSources found) {
        return found.sources().stream()
                .flatMap(source -> ConfigCheck.run(root, source, Set.of()).config().stream())
                .findFirst()
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
