package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.ConfigLoader;
import dev.burstgitops.manifest.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Check 2, first half: {@code burst-gitops.yaml} at the repository root, when there is one, is
 * a configuration the controller would start with. Relative paths in it are taken from the
 * repository root, where the file is.
 *
 * @param present  whether the repository has the file at all; without it, clusters are found
 *                 by directory and overrides cannot be matched to policies
 * @param config   the configuration, when the file is valid
 * @param problems each as the configuration loader words it, key path included
 */
record ConfigCheck(boolean present, Optional<BurstGitopsConfig> config, List<ValidationProblem> problems) {

    static final String FILE = "burst-gitops.yaml";

    static ConfigCheck run(Path root, Set<String> unparsable) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new ConfigCheck(false, Optional.empty(), List.of());
        }
        if (unparsable.contains(FILE)) {
            return new ConfigCheck(true, Optional.empty(), List.of());  // its syntax problem is reported already
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new ConfigCheck(true, Optional.of(ConfigLoader.parse(text, FILE, root)), List.of());
        } catch (ConfigException e) {
            return new ConfigCheck(true, Optional.empty(),
                    e.problems().stream().map(problem -> ValidationProblem.parse(problem, FILE)).toList());
        } catch (IOException e) {
            return new ConfigCheck(true, Optional.empty(),
                    List.of(new ValidationProblem(SourceLocation.of(FILE), "cannot be read: " + e.getMessage())));
        }
    }

    int policyCount() {
        return config.map(c -> c.policies().size()).orElse(0);
    }
}
