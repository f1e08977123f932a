package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.override.OverrideLookup;
import dev.burstgitops.override.OverrideReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Check 5: every file in {@code overrides/} is an override the controller would obey: valid,
 * named after its policy, not expired now, and (when the repository has a configuration) for
 * a policy it defines. An override that silently does nothing is what this catches: the
 * people who merged it believe a service is pinned.
 */
final class OverrideCheck {

    static final String DIRECTORY = "overrides";
    /** {@code git.maxOverrideDuration}'s default, for a repository without a configuration. */
    static final Duration DEFAULT_MAX_DURATION = Duration.ofDays(7);

    private final Instant now;
    private final DocumentLines lines;

    OverrideCheck(Instant now, DocumentLines lines) {
        this.now = now;
        this.lines = lines;
    }

    /**
     * @param configs every configuration the repository keeps: an override must be valid under
     *                each one's {@code git.maxOverrideDuration}, and name a policy one of them defines
     */
    List<ValidationProblem> run(Path root, List<ConfigCheck> configs, Set<String> unparsable) {
        List<BurstGitopsConfig> valid = configs.stream().flatMap(c -> c.config().stream()).toList();
        List<OverrideReader> readers = valid.isEmpty() ? List.of(new OverrideReader(DEFAULT_MAX_DURATION))
                : valid.stream().map(c -> c.git().maxOverrideDuration()).distinct().map(OverrideReader::new).toList();
        List<ValidationProblem> problems = new ArrayList<>();
        for (Path path : filesIn(root.resolve(DIRECTORY))) {
            String name = path.getFileName().toString();
            String file = DIRECTORY + "/" + name;
            if (name.endsWith(".yml")) {
                problems.add(new ValidationProblem(SourceLocation.of(file), "is ignored: overrides are read from "
                        + DIRECTORY + "/<policy>.yaml; rename it to " + name.replaceAll("\\.yml$", ".yaml")));
            } else if (!unparsable.contains(file)) {
                String policy = name.substring(0, name.length() - ".yaml".length());
                readers.forEach(reader -> problems.addAll(check(reader, path, file, policy)));
                undefinedPolicy(configs, policy, file).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private List<ValidationProblem> check(OverrideReader reader, Path path, String file, String policy) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(new ValidationProblem(SourceLocation.of(file), "cannot be read: " + e.getMessage()));
        }
        OverrideLookup lookup = reader.check(text, file, policy, now);
        if (lookup instanceof OverrideLookup.Invalid invalid) {
            return invalid.problems().stream().map(problem -> ValidationProblem.parse(problem, file)).toList();
        }
        if (lookup instanceof OverrideLookup.Expired expired) {
            return List.of(new ValidationProblem(lines.locate(file, List.of("until")), "override expired at "
                    + expired.override().until() + "; policy " + policy
                    + " is decided from the metric again, so remove the file"));
        }
        return List.of();
    }

    /** When configurations were read and none of them defines the override's policy. */
    private static Optional<ValidationProblem> undefinedPolicy(List<ConfigCheck> configs, String policy, String file) {
        List<ConfigCheck> valid = configs.stream().filter(c -> c.config().isPresent()).toList();
        if (valid.isEmpty() || valid.stream().anyMatch(c -> c.config().get().policy(policy).isPresent())) {
            return Optional.empty();
        }
        String where = valid.stream().map(c -> c.source().file() + " (policies: " + policyNames(c.config().get()) + ")")
                .collect(Collectors.joining(" nor "));
        return Optional.of(new ValidationProblem(SourceLocation.of(file), "policy '" + policy
                + "' is not defined in " + where));
    }

    private static String policyNames(BurstGitopsConfig config) {
        return config.policies().isEmpty() ? "none"
                : config.policies().stream().map(PolicyConfig::name).collect(Collectors.joining(", "));
    }

    /** The YAML files directly in {@code overrides/}; the controller reads no deeper. */
    private static List<Path> filesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).filter(LayoutFiles::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
