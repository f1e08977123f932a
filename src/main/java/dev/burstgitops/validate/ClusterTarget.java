package dev.burstgitops.validate;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ClusterConfig;
import dev.burstgitops.manifest.ClusterRendering;
import dev.burstgitops.manifest.ClusterPolicy;
import dev.burstgitops.manifest.RenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One cluster directory to render, and how: with the engine and policy its
 * configuration entry gives it, exactly as the sync loop renders it, so that what
 * passes here is what the cluster will accept.
 *
 * @param path repository-relative cluster directory
 */
record ClusterTarget(String name, String path, RenderOptions options) {

    static final String CLUSTERS_DIRECTORY = "clusters";

    /**
     * The clusters of the configurations, each rendered once however many configurations
     * describe it alike (a root file and the ConfigMap that copies it); without a valid one
     * (the invalid ones' problems are reported already), every directory under
     * {@code clusters/}, unrestricted, so that render problems still show.
     */
    static List<ClusterTarget> of(Path root, List<BurstGitopsConfig> configs) {
        if (!configs.isEmpty()) {
            return configs.stream()
                    .flatMap(config -> config.clusters().stream().map(cluster -> configured(config, cluster)))
                    .distinct()
                    .toList();
        }
        return discovered(root);
    }

    static ClusterTarget configured(BurstGitopsConfig config, ClusterConfig cluster) {
        // The sync loop's own mapping, limits and reserved objects included, so that what passes
        // here is what the cluster will accept.
        return new ClusterTarget(cluster.name(), cluster.path(), ClusterRendering.options(config, cluster));
    }

    private static List<ClusterTarget> discovered(Path root) {
        Path clusters = root.resolve(CLUSTERS_DIRECTORY);
        if (!Files.isDirectory(clusters)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(clusters)) {
            return entries.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .map(name -> new ClusterTarget(name, CLUSTERS_DIRECTORY + "/" + name,
                            RenderOptions.builtin(ClusterPolicy.unrestricted(name))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
