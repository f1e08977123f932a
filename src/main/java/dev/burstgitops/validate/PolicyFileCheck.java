package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.manifest.ManifestException;
import dev.burstgitops.manifest.VirtualServiceWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Check 2, second half: every policy's VirtualService can be read the way the burst loop
 * reads it before each decision, so that a wrong file, name or subset fails the pull request
 * rather than the first decision after the merge.
 *
 * <p>A problem is reported at the policy's {@code virtualService} entry in the configuration,
 * with the key path, like any other configuration problem: that entry is what points at the
 * wrong place (the file it names may not even exist), and the message still says where it
 * looked.
 */
final class PolicyFileCheck {

    private PolicyFileCheck() {
    }

    /** @param source where {@code config} was read from, for the line of each problem */
    static List<ValidationProblem> run(Path root, BurstGitopsConfig config, ConfigSource source, Set<String> unparsable) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (int i = 0; i < config.policies().size(); i++) {
            VirtualServiceConfig vs = config.policies().get(i).virtualService();
            if (unparsable.contains(vs.file())) {
                continue;  // the file's syntax problem is reported already
            }
            String cause = unreadable(root, vs);
            if (cause != null) {
                String keyPath = "policies[" + i + "].virtualService";
                int line = source.lineOf(List.of("policies", i, "virtualService"));
                problems.add(source.problem(line, keyPath + ": " + cause));
            }
        }
        return problems;
    }

    /** Why the burst loop could not read the weights, as {@code file[:line]: message}; null when it can. */
    private static String unreadable(Path root, VirtualServiceConfig vs) {
        try {
            // A set built leniently: Set.of would throw if a configuration named one subset twice.
            VirtualServiceWeights.readFile(root, vs.file(), vs.name(), new HashSet<>(List.of(vs.primarySubset(), vs.burstSubset())));
            return null;
        } catch (ManifestException e) {
            return e.getMessage();
        } catch (IOException e) {
            return vs.file() + ": cannot be read: " + e.getMessage();
        }
    }
}
