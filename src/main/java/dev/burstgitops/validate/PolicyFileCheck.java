package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.PolicyConfig;
import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.manifest.ManifestException;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.manifest.VirtualServiceWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Check 2, second half: every policy's VirtualService can be read the way the burst loop
 * reads it before each decision, so that a wrong file, name or subset fails the pull request
 * rather than the first decision after the merge.
 */
final class PolicyFileCheck {

    private PolicyFileCheck() {
    }

    static List<ValidationProblem> run(Path root, BurstGitopsConfig config, Set<String> unparsable) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (PolicyConfig policy : config.policies()) {
            VirtualServiceConfig vs = policy.virtualService();
            if (unparsable.contains(vs.file())) {
                continue;  // the file's syntax problem is reported already
            }
            try {
                VirtualServiceWeights.readFile(root, vs.file(), vs.name(), Set.of(vs.primarySubset(), vs.burstSubset()));
            } catch (ManifestException e) {
                problems.add(new ValidationProblem(e.location(), withoutLocation(e) + namedBy(policy)));
            } catch (IOException e) {
                problems.add(new ValidationProblem(SourceLocation.of(vs.file()),
                        "cannot be read: " + e.getMessage() + namedBy(policy)));
            }
        }
        return problems;
    }

    /** The exception's message starts with its own location, which the problem prints anyway. */
    private static String withoutLocation(ManifestException e) {
        String prefix = e.location() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    /** Says who asked for the file: the fix may be in burst-gitops.yaml rather than in the file. */
    private static String namedBy(PolicyConfig policy) {
        return " (policy " + policy.name() + " in " + ConfigCheck.FILE + ")";
    }
}
