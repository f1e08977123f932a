package dev.burstgitops.config;

/**
 * The {@code sync.limits} section: how much repository content one render may read. Repository
 * content is untrusted; past a limit the file, or the cluster directory, is a render error.
 *
 * @param maxFileSize          bytes of one manifest file
 * @param maxExpandedYamlNodes values of one YAML document with its aliases written out (alias bombs)
 * @param maxObjectsPerCluster objects one cluster directory may render
 * @param maxRenderedResources resource paths one render may visit, a path named again counted again
 *                             (bases that name the same bases level after level grow exponentially)
 */
public record SyncLimits(long maxFileSize, long maxExpandedYamlNodes, int maxObjectsPerCluster,
                         long maxRenderedResources) {

    /** Far beyond a real fleet (the API server refuses objects over ~1.5 MiB), far below exhausting the heap. */
    public static final SyncLimits DEFAULTS = new SyncLimits(4L * 1024 * 1024, 1_000_000, 10_000, 20_000);

    public SyncLimits(long maxFileSize, long maxExpandedYamlNodes, int maxObjectsPerCluster) {
        this(maxFileSize, maxExpandedYamlNodes, maxObjectsPerCluster, DEFAULTS.maxRenderedResources());
    }

    /** A file is read into memory whole, and its parse time grows with the square of its size. */
    static final long LARGEST_FILE_SIZE = 1024L * 1024 * 1024;

    static SyncLimits read(YamlSection limits) {
        long fileSize = ByteSize.read(limits, "maxFileSize", DEFAULTS.maxFileSize());
        if (fileSize < 1 || fileSize > LARGEST_FILE_SIZE) {
            limits.problem("maxFileSize", "must be between 1 byte and 1Gi");
            fileSize = DEFAULTS.maxFileSize();
        }
        long nodes = limits.integer("maxExpandedYamlNodes", (int) DEFAULTS.maxExpandedYamlNodes());
        if (nodes < 1) {
            limits.problem("maxExpandedYamlNodes", "must be at least 1");
            nodes = DEFAULTS.maxExpandedYamlNodes();
        }
        int objects = limits.integer("maxObjectsPerCluster", DEFAULTS.maxObjectsPerCluster());
        if (objects < 1) {
            limits.problem("maxObjectsPerCluster", "must be at least 1");
            objects = DEFAULTS.maxObjectsPerCluster();
        }
        int rendered = limits.integer("maxRenderedResources", (int) DEFAULTS.maxRenderedResources());
        if (rendered < 1) {
            limits.problem("maxRenderedResources", "must be at least 1");
            rendered = (int) DEFAULTS.maxRenderedResources();
        }
        limits.rejectUnknownKeys();
        return new SyncLimits(fileSize, nodes, objects, rendered);
    }
}
