package dev.burstgitops.bundled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this jar was built from: the Maven version and the Git commit, written into
 * {@code build-info.properties} by the build (see pom.xml). Shown by {@code --version},
 * {@code /status} and the {@code burst_gitops_build_info} metric, so that a running controller
 * can be traced to its source.
 *
 * @param version the project's Maven version, e.g. {@code 0.1.0}
 * @param commit  the full commit id, or {@value #UNKNOWN} when the build ran outside a Git checkout
 */
public record BuildInfo(String version, String commit) {

    public static final String UNKNOWN = "unknown";
    static final String RESOURCE = "build-info.properties";

    /** Read once: the jar does not change under a running process. */
    private static final BuildInfo CURRENT = read(BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE));

    public static BuildInfo current() {
        return CURRENT;
    }

    /**
     * Reads the properties; a value missing, empty or left unfiltered (a build that skipped
     * resource filtering, as an IDE may) is {@value #UNKNOWN} rather than a {@code ${...}} placeholder.
     */
    static BuildInfo read(InputStream in) {
        Properties properties = new Properties();
        if (in != null) {
            try (in) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
            }
        }
        return new BuildInfo(value(properties, "version"), value(properties, "commit"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }
}
