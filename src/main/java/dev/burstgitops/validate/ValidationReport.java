package dev.burstgitops.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What {@code validate} found: every problem, sorted by file and line and each reported once
 * (a file rendered into two clusters would otherwise repeat its problems), the warnings, which
 * never fail the check, and what was checked, for the summary line of a clean run.
 *
 * @param warnings what works but probably not as meant (a policy query that will flap); they
 *                 are printed, and do not count as problems
 * @param clusters how many cluster directories were rendered
 * @param objects  how many objects they rendered, all clusters together
 * @param policies how many policies the configurations define, all together
 * @param configurations the files the configurations were read from: {@code burst-gitops.yaml}
 *                 at the root, ConfigMaps that embed one
 */
public record ValidationReport(List<ValidationProblem> problems, List<ValidationWarning> warnings, int clusters,
                               int objects, int policies, List<String> configurations) {

    public ValidationReport {
        problems = List.copyOf(new TreeSet<>(problems));
        warnings = List.copyOf(new TreeSet<>(warnings));
        configurations = List.copyOf(configurations);
    }

    static ValidationReport of(Collection<ValidationProblem> problems, int clusters, int objects, int policies) {
        return of(problems, List.of(), clusters, objects, policies);
    }

    static ValidationReport of(Collection<ValidationProblem> problems, Collection<ValidationWarning> warnings,
                               int clusters, int objects, int policies) {
        return of(problems, warnings, clusters, objects, policies, List.of());
    }

    static ValidationReport of(Collection<ValidationProblem> problems, Collection<ValidationWarning> warnings,
                               int clusters, int objects, int policies, List<String> configurations) {
        return new ValidationReport(List.copyOf(problems), List.copyOf(warnings), clusters, objects, policies,
                configurations);
    }

    /** No problems; warnings do not change that, so they never fail a pull request. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * What {@code validate} prints after the problems: each warning on a line of its own, then
     * the count line, {@code validate: 3 problems in 2 files} or {@code validate: ok (2 clusters,
     * 14 objects, 1 policy)}, with {@code , 1 warning} added when there are any. The policies
     * are said to come {@code from} their files unless they come from the root
     * {@code burst-gitops.yaml} alone, where anyone looks first: a configuration found in a
     * ConfigMap is worth saying, and "0 policies" from a repository whose configuration was
     * not found at all was how the check used to miss it. The warnings
     * travel here so that the command prints them between the problems and the count.
     */
    public String summary() {
        List<String> lines = new ArrayList<>();
        warnings.forEach(warning -> lines.add(warning.toString()));
        lines.add(countLine());
        return String.join("\n", lines);
    }

    /** Everything {@code validate} prints, line by line: the problems, the warnings, the count. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        problems.forEach(problem -> lines.add(problem.toString()));
        lines.addAll(summary().lines().toList());
        return lines;
    }

    private String countLine() {
        String warned = warnings.isEmpty() ? "" : ", " + count(warnings.size(), "warning", "warnings");
        if (ok()) {
            return "validate: ok (" + count(clusters, "cluster", "clusters") + ", " + count(objects, "object", "objects")
                    + ", " + count(policies, "policy", "policies") + from() + ")" + warned;
        }
        long files = problems.stream().map(p -> p.location().file()).distinct().count();
        return "validate: " + count(problems.size(), "problem", "problems") + " in " + count(files, "file", "files")
                + warned;
    }

    private String from() {
        boolean rootFileAlone = configurations.equals(List.of(ConfigSource.FILE));
        return configurations.isEmpty() || rootFileAlone ? "" : " from " + String.join(", ", configurations);
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
