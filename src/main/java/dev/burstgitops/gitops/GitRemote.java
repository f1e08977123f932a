package dev.burstgitops.gitops;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the controller's working copy comes from and lives: the remote, the one branch it
 * commits to, the checkout directory reused across passes, and credentials: a token for
 * http(s), a deploy key for ssh.
 *
 * <p>Supported: {@code file:} URLs and plain paths, {@code http:} and {@code https:} with basic
 * auth, {@code ssh:} with a deploy key and a known_hosts file (and only with them: an ssh remote
 * never falls back to the machine's own SSH setup). A password in the URL's user-info is
 * refused, because the URL is printed in messages and logs; the token belongs in
 * {@link GitCredentials}. The SSH user is the URL's user-info ({@code ssh://git@host/...}).
 */
public record GitRemote(URI url, String branch, Path checkoutDir, Optional<GitCredentials> credentials,
        Optional<SshCredentials> ssh) {

    private static final Set<String> SCHEMES = Set.of("file", "http", "https", "ssh");

    public GitRemote {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(checkoutDir, "checkoutDir");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(ssh, "ssh");
        if (url.getScheme() != null && !SCHEMES.contains(url.getScheme())) {
            throw new IllegalArgumentException(
                    "unsupported Git URL scheme '" + url.getScheme() + "' (use https, http, ssh or file)");
        }
        boolean sshUrl = "ssh".equals(url.getScheme());
        if (sshUrl && ssh.isEmpty()) {
            throw new IllegalArgumentException("Git URL scheme 'ssh' needs SSH credentials: a key file and a"
                    + " known_hosts file");
        }
        if (!sshUrl && ssh.isPresent()) {
            throw new IllegalArgumentException("SSH credentials are for ssh URLs, not for " + stripUserInfo(url));
        }
        if (sshUrl && credentials.isPresent()) {
            throw new IllegalArgumentException("an ssh URL takes a key file, not a token");
        }
        if (url.getRawUserInfo() != null && url.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("Git URL " + stripUserInfo(url)
                    + " carries a password: give the token as credentials instead");
        }
        if (branch.isBlank() || branch.startsWith("refs/")) {
            throw new IllegalArgumentException("branch must be a plain branch name, got '" + branch + "'");
        }
    }

    /** A file or http(s) remote, with a token for http(s) or none. */
    public GitRemote(URI url, String branch, Path checkoutDir, Optional<GitCredentials> credentials) {
        this(url, branch, checkoutDir, credentials, Optional.empty());
    }

    /** An ssh remote reached with a deploy key. */
    public static GitRemote ssh(URI url, String branch, Path checkoutDir, SshCredentials key) {
        return new GitRemote(url, branch, checkoutDir, Optional.empty(), Optional.of(key));
    }

    /** The same remote and credentials, checked out in another directory. */
    public GitRemote withCheckoutDir(Path dir) {
        return new GitRemote(url, branch, dir, credentials, ssh);
    }

    /** A remote without credentials: a file remote, or a public http(s) one. */
    public static GitRemote anonymous(URI url, String branch, Path checkoutDir) {
        return new GitRemote(url, branch, checkoutDir, Optional.empty());
    }

    /** The URL for messages and logs: no user-info, so nothing that identifies a credential. */
    public String displayUrl() {
        return stripUserInfo(url);
    }

    /** The URL as JGit takes it: a plain path stays a path. */
    String transportUrl() {
        return url.getScheme() == null ? url.getPath() : url.toString();
    }

    boolean isHttp() {
        return url.getScheme() != null && url.getScheme().startsWith("http");
    }

    /** Whether a checkout's configured origin URL names this remote (trailing slashes aside). */
    boolean isSameRemote(String originUrl) {
        return trimSlashes(originUrl).equals(trimSlashes(transportUrl()));
    }

    private static String trimSlashes(String value) {
        String trimmed = value;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String stripUserInfo(URI url) {
        if (url.getScheme() == null) {
            return url.getPath();
        }
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(),
                    url.getQuery(), url.getFragment()).toString();
        } catch (URISyntaxException e) {
            // Every part came out of a valid URI, so this cannot happen; never fall back to the raw URL.
            throw new IllegalStateException("cannot print Git URL without user-info", e);
        }
    }
}
