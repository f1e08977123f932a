package dev.burstgitops.manifest;

/**
 * Bounds on what a repository can make the renderer read. Repository content is untrusted: a
 * file too big, an alias bomb or a directory of countless objects must cost a render error
 * naming the file and the limit, not the time and heap the other clusters and the burst loop
 * need. Set by {@code sync.limits}; the defaults are far beyond a real fleet.
 *
 * @param maxFileBytes         the largest manifest file read; Kubernetes refuses objects over about
 *                             1.5 MiB, so a bigger file is a mistake or an attack
 * @param maxExpandedYamlNodes the most values one YAML document may hold with its aliases written out
 * @param maxObjectsPerCluster the most objects one cluster directory may render
 */
public record RepositoryLimits(long maxFileBytes, long maxExpandedYamlNodes, int maxObjectsPerCluster,
                               long maxRenderedResources) {

    public static final RepositoryLimits DEFAULTS = new RepositoryLimits(4L * 1024 * 1024, 1_000_000, 10_000);
    /** Twice the objects a cluster may hold: a real layout names each file once or twice. */
    public static final long DEFAULT_MAX_RENDERED_RESOURCES = 20_000;

    /** The configuration keys, named in every refusal so that a person knows what to raise. */
    static final String FILE_SIZE_KEY = "sync.limits.maxFileSize";
    static final String YAML_NODES_KEY = "sync.limits.maxExpandedYamlNodes";
    static final String OBJECTS_KEY = "sync.limits.maxObjectsPerCluster";
    static final String RENDERED_RESOURCES_KEY = "sync.limits.maxRenderedResources";

    public RepositoryLimits(long maxFileBytes, long maxExpandedYamlNodes, int maxObjectsPerCluster) {
        this(maxFileBytes, maxExpandedYamlNodes, maxObjectsPerCluster, DEFAULT_MAX_RENDERED_RESOURCES);
    }

    public RepositoryLimits {
        if (maxFileBytes <= 0 || maxExpandedYamlNodes <= 0 || maxObjectsPerCluster <= 0 || maxRenderedResources <= 0) {
            throw new IllegalArgumentException("every repository limit must be positive: " + maxFileBytes + ", "
                    + maxExpandedYamlNodes + ", " + maxObjectsPerCluster);
        }
    }

    /** "4194304 bytes (4 MiB)": exact for the log, readable for a person. */
    String fileSizeText() {
        return maxFileBytes + " bytes" + binaryUnit(maxFileBytes);
    }

    private static String binaryUnit(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return " (" + bytes / (1024L * 1024 * 1024) + " GiB)";
        }
        if (bytes % (1024L * 1024) == 0) {
            return " (" + bytes / (1024L * 1024) + " MiB)";
        }
        return bytes % 1024 == 0 ? " (" + bytes / 1024 + " KiB)" : "";
    }
}
