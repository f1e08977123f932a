package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Check 2, first half: a configuration the repository keeps ({@link ConfigSources}) is one the
 * controller would start with, read by the controller's own loader. Each problem is reported
 * in the file that holds the configuration, at the line a person edits: a root
 * {@code burst-gitops.yaml}'s own, or the ConfigMap's line of the embedded text. Relative paths
 * in it are taken from the repository root, as the controller takes them from its checkout;
 * files it names outside the repository (a kubeconfig, a token file) are where the pod mounts
 * them, so they are not looked for here.
 *
 * @param config   the configuration, when it is valid
 * @param problems each as the configuration loader words it, key path included
 */
record ConfigCheck(ConfigSource source, Optional<BurstGitopsConfig> config, List<ValidationProblem> problems) {

    /** @param unparsable files whose YAML syntax problem is reported already */
    static ConfigCheck run(Path root, ConfigSource source, Set<String> unparsable) {
        if (unparsable.contains(source.file())) {
            return new ConfigCheck(source, Optional.empty(), List.of());
        }
        try {
            return new ConfigCheck(source, Optional.of(ConfigLoader.parse(source.text(), source.file(), root)), List.of());
        } catch (ConfigException e) {
            return new ConfigCheck(source, Optional.empty(), e.problems().stream()
                    .map(problem -> source.inFile(ValidationProblem.parse(problem, source.file()))).toList());
        }
    }

    int policyCount() {
        return config.map(c -> c.policies().size()).orElse(0);
    }
}
