package dev.burstgitops.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Which installation of burst-gitops a cluster's objects belong to: the repository, branch and
 * cluster directory it syncs from. Two installations that both call a shared cluster "primary",
 * or one configuration pointed at another environment's cluster by a copy-paste slip, tell each
 * other apart by it: the inventory records its owner, and every object carries its
 * {@link #id() id} as a label.
 *
 * <p>The repository is kept without scheme, credentials or a {@code .git} ending, so that moving
 * from HTTPS to SSH (or rotating a token in the URL) is still the same installation.
 *
 * @param repository the repository as host and path ({@code github.com/acme/fleet})
 * @param branch     the branch synced
 * @param path       the cluster's directory in it ({@code clusters/primary})
 */
public record Installation(String repository, String branch, String path) {

    /** For a cluster applied without a repository (tests, {@code sync} against a plain directory). */
    public static Installation unnamed(String cluster) {
        return new Installation("", "", "clusters/" + cluster);
    }

    public Installation {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
    }

    /** The installation that syncs {@code path} of {@code branch} from the repository at {@code url}. */
    public static Installation of(String url, String branch, String path) {
        return new Installation(repositoryOf(url), branch, path.replaceAll("^/+|/+$", ""));
    }

    /** A label value: 16 hex digits of the SHA-256 of the three parts. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((repository + "\n" + branch + "\n" + path).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** For people: {@code github.com/acme/fleet, branch main, clusters/primary}. */
    public String describe() {
        return (repository.isEmpty() ? "no repository" : repository) + ", branch " + (branch.isEmpty() ? "-" : branch)
                + ", " + path;
    }

    /** Host and path of a Git URL (https, ssh, scp-like or a local path), without user, port, {@code .git} or slashes. */
    static String repositoryOf(String url) {
        String text = url.strip();
        String hostAndPath;
        if (text.contains("://")) {
            try {
                URI uri = new URI(text);
                hostAndPath = (uri.getHost() == null ? "" : uri.getHost()) + uri.getPath();
            } catch (URISyntaxException e) {
                hostAndPath = text.substring(text.indexOf("://") + 3).replaceFirst("^[^@/]*@", "");
            }
        } else if (text.matches("^[^/]*@?[^/:]+:.*") && !text.startsWith("/")) {
            // scp-like: git@github.com:acme/fleet.git
            hostAndPath = text.replaceFirst("^[^@]*@", "").replaceFirst(":", "/");
        } else {
            hostAndPath = text;
        }
        return hostAndPath.replaceAll("/+$", "").replaceAll("\\.git$", "").replaceAll("/+$", "");
    }
}
