package dev.burstgitops.cli;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}'s configuration over time: the file as last accepted, a copy of it kept as the last
 * good one, and the problems of a newer version that was refused. A controller whose mounted
 * config turns invalid keeps running (and, restarted in the same pod, starts) on the last good
 * one instead of crash-looping, so that it can still sync the fix from Git.
 */
final class ConfigState {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigState.class);

    private final Path file;
    private final Path lastGood;
    private volatile String acceptedDigest = "";
    private volatile String seenDigest = "";
    /** A new version read once: taken only when the next read finds the same bytes. */
    private volatile String pendingDigest = "";
    private volatile List<String> rejected = List.of();

    /** @param lastGood where the last accepted version is copied; in a pod, a path on an emptyDir */
    ConfigState(Path file, Path lastGood) {
        this.file = file;
        this.lastGood = lastGood;
    }

    /** The default copy: beside the JVM's temp files, which a pod's emptyDir keeps across restarts. */
    static Path defaultLastGood() {
        return Path.of(System.getProperty("java.io.tmpdir"), "burst-gitops-last-good.yaml");
    }

    /**
     * The configuration to start on: the file when valid (then also kept as the last good one),
     * else the last good copy, with the file's problems recorded as rejected.
     *
     * @throws ConfigException when the file is invalid and there is no valid last good copy
     */
    BurstGitopsConfig initial() throws ConfigException {
        String text = read(file);
        seenDigest = digest(text);
        try {
            BurstGitopsConfig config = parse(text);
            accept(text);
            return config;
        } catch (ConfigException e) {
            Optional<BurstGitopsConfig> good = lastGoodConfig();
            if (good.isEmpty()) {
                throw e;
            }
            reject(e);
            LOG.error("{} is invalid; starting on the last good copy {} instead", file, lastGood);
            return good.get();
        }
    }

    /**
     * Reads the file again. Empty when it has not changed since last seen, when the change was
     * read only once so far, or when the new version is refused (its problems logged and kept for
     * {@code /status}); the new configuration when it is valid and read the same twice in a row.
     * A file written in place (an editor, {@code cp}) can be read half-written, and half of a
     * config can be valid: one cluster or policy dropped until the rest arrives.
     */
    Optional<BurstGitopsConfig> recheck() throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String digest = digest(text);
        if (digest.equals(seenDigest)) {
            pendingDigest = "";
            return Optional.empty();
        }
        if (!digest.equals(pendingDigest)) {
            pendingDigest = digest;
            return Optional.empty();
        }
        pendingDigest = "";
        seenDigest = digest;
        try {
            BurstGitopsConfig config = parse(text);
            accept(text);
            return Optional.of(config);
        } catch (ConfigException e) {
            reject(e);
            return Optional.empty();
        }
    }

    boolean rejecting() {
        return !rejected.isEmpty();
    }

    /** For {@code /status}: the file, the accepted version's digest, and the problems of a refused one. */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("file", file.toString());
        view.put("acceptedSha256", acceptedDigest);
        view.put("rejected", !rejected.isEmpty());
        view.put("problems", rejected);
        return view;
    }

    private void accept(String text) {
        acceptedDigest = digest(text);
        rejected = List.of();
        try {
            Files.createDirectories(lastGood.toAbsolutePath().getParent());
            Path temporary = lastGood.resolveSibling(lastGood.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, lastGood, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot keep a last good copy of the configuration at {}: {}", lastGood, e.getMessage());
        }
    }

    private void reject(ConfigException e) {
        rejected = List.copyOf(e.problems());
        LOG.error("refusing the changed configuration {}; running on the last good one. {} problem{}:", file,
                rejected.size(), rejected.size() == 1 ? "" : "s");
        rejected.forEach(problem -> LOG.error("  {}", problem));
    }

    private Optional<BurstGitopsConfig> lastGoodConfig() {
        try {
            if (!Files.isRegularFile(lastGood)) {
                return Optional.empty();
            }
            String text = Files.readString(lastGood, StandardCharsets.UTF_8);
            BurstGitopsConfig config = parse(text);
            acceptedDigest = digest(text);
            return Optional.of(config);
        } catch (IOException | ConfigException e) {
            return Optional.empty();
        }
    }

    /** Parsed as the mounted file, so that its relative paths keep meaning the same files. */
    private BurstGitopsConfig parse(String text) throws ConfigException {
        Path absolute = file.toAbsolutePath();
        return ConfigLoader.parse(text, file.toString(), absolute.getParent());
    }

    private static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
