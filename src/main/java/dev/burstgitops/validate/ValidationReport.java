package dev.burstgitops.validate;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What {@code validate} found: every problem, sorted by file and line and each reported once
 * (a file rendered into two clusters would otherwise repeat its problems), and what was
 * checked, for the summary line of a clean run.
 *
 * @param clusters how many cluster directories were rendered
 * @param objects  how many objects they rendered, all clusters together
 * @param policies how many policies {@code burst-gitops.yaml} defines
 */
public record ValidationReport(List<ValidationProblem> problems, int clusters, int objects, int policies) {

    public ValidationReport {
        problems = List.copyOf(new TreeSet<>(problems));
    }

    static ValidationReport of(Collection<ValidationProblem> problems, int clusters, int objects, int policies) {
        return new ValidationReport(List.copyOf(problems), clusters, objects, policies);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** {@code validate: 3 problems in 2 files} or {@code validate: ok (2 clusters, 14 objects, 1 policy)}. */
    public String summary() {
        if (ok()) {
            return "validate: ok (" + count(clusters, "cluster", "clusters") + ", " + count(objects, "object", "objects")
                    + ", " + count(policies, "policy", "policies") + ")";
        }
        long files = problems.stream().map(p -> p.location().file()).distinct().count();
        return "validate: " + count(problems.size(), "problem", "problems") + " in " + count(files, "file", "files");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
