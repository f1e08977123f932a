package dev.burstgitops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the burst-gitops.yaml a test needs, the way a user would, without every test
 * repeating the whole file: the reference worker policy and the clusters of this repository's
 * own layout are one call each.
 */
public final class ConfigYaml {

    public static final String WORKER_VS_FILE = "apps/istio/worker-virtualservice.yaml";

    private final List<String> git = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> policies = new ArrayList<>();
    private final List<String> clusters = new ArrayList<>();

    private ConfigYaml(String gitUrl) {
        git.add("url: '" + gitUrl + "'");
        git.add("checkoutDir: checkout");
    }

    public static ConfigYaml forRemote(Object gitUrl) {
        return new ConfigYaml(gitUrl.toString());
    }

    /** Another line of the git section ({@code pollInterval: 1h}); replaces a default key. */
    public ConfigYaml git(String line) {
        String key = line.substring(0, line.indexOf(':'));
        git.removeIf(existing -> existing.startsWith(key + ":"));
        git.add(line);
        return this;
    }

    public ConfigYaml prometheus(Object url) {
        sections.add("prometheus:\n  url: '" + url + "'");
        return this;
    }

    /** The reference worker policy: enter above 15, leave below 10, on {@code query}. */
    public ConfigYaml workerPolicy(String query, String... extraLines) {
        StringBuilder policy = new StringBuilder("  - name: worker\n    query: '" + query + "'\n"
                + "    enterAbove: 15\n    exitBelow: 10\n");
        for (String line : extraLines) {
            policy.append("    ").append(line).append('\n');
        }
        policy.append("    virtualService:\n      file: ").append(WORKER_VS_FILE)
                .append("\n      name: worker-virtual-service");
        policies.add(policy.toString());
        return this;
    }

    /** The primary cluster of this repository's layout, which holds the controller's own RBAC and PriorityClass. */
    public ConfigYaml primary(Path kubeconfig) {
        return cluster("primary", kubeconfig,
                "allowedClusterScopedKinds: [Namespace, ClusterRole, ClusterRoleBinding, PriorityClass]");
    }

    public ConfigYaml burst(Path kubeconfig) {
        return cluster("burst", kubeconfig);
    }

    public ConfigYaml cluster(String name, Path kubeconfig, String... extraLines) {
        StringBuilder cluster = new StringBuilder("  - name: " + name + "\n    path: clusters/" + name
                + "\n    kubeconfig: " + kubeconfig + "\n    context: " + name);
        for (String line : extraLines) {
            cluster.append("\n    ").append(line);
        }
        clusters.add(cluster.toString());
        return this;
    }

    /** A whole top-level section, as YAML ({@code sync:\n  interval: 1h}). */
    public ConfigYaml section(String yaml) {
        sections.add(yaml.stripTrailing());
        return this;
    }

    public String text() {
        StringBuilder text = new StringBuilder("git:\n");
        git.forEach(line -> text.append("  ").append(line).append('\n'));
        sections.forEach(section -> text.append(section).append('\n'));
        if (!policies.isEmpty()) {
            text.append("policies:\n");
            policies.forEach(policy -> text.append(policy).append('\n'));
        }
        if (!clusters.isEmpty()) {
            text.append("clusters:\n");
            clusters.forEach(cluster -> text.append(cluster).append('\n'));
        }
        return text.toString();
    }

    public Path writeTo(Path file) {
        try {
            Files.writeString(file, text());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
