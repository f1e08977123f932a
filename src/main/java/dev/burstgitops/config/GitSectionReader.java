package dev.burstgitops.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code git} section: the remote and how to reach it (token or deploy key), the
 * commit identity, how decisions land (directly or as pull requests), and how commits are signed
 * and heads verified.
 */
final class GitSectionReader {

    private GitSectionReader() {
    }

    static GitConfig read(YamlSection git, boolean present) {
        if (!present) {
            git.problem("url", "is required (the repository that holds the cluster directories)");
        }
        URI url = gitUrl(git);
        String branch = git.string("branch", "main");
        Path checkoutDir = git.path("checkoutDir", defaultCheckoutDir(url, branch));
        Optional<GitAuthConfig> auth = git.section("auth").map(GitSectionReader::gitAuth);
        checkAuthFitsUrl(git, url, auth);
        YamlSection author = git.sectionOrEmpty("author");
        String authorName = author.string("name", "burst-gitops");
        String authorEmail = author.string("email", "burst-gitops@localhost");
        author.rejectUnknownKeys();
        GitConfig.WriteMode writeMode = git.choice("writeMode",
                Map.of("direct", GitConfig.WriteMode.DIRECT, "pull-request", GitConfig.WriteMode.PULL_REQUEST),
                "direct");
        Duration maxOverride = git.duration("maxOverrideDuration", Duration.ofDays(7));
        Optional<PullRequestConfig> pullRequest = git.section("pullRequest").map(GitSectionReader::pullRequest);
        if (writeMode == GitConfig.WriteMode.PULL_REQUEST && pullRequest.isEmpty()) {
            git.problem("writeMode", "pull-request needs a git.pullRequest section (provider, apiUrl, repository)");
        }
        Duration pollInterval = git.duration("pollInterval", Duration.ofSeconds(30));
        Optional<Path> signingKey = git.section("signing").map(signing -> requiredPath(signing, "sshKeyFile",
                "the SSH private key that signs the controller's commits, as git commit -S with gpg.format=ssh"));
        Optional<Path> allowedSigners = git.section("verify").map(verify -> requiredPath(verify,
                "allowedSignersFile", "the keys a head must be signed by, in git's gpg.ssh.allowedSignersFile format"));
        // A signature proves who made a commit, not that it is the newest: an old signed head
        // force-pushed back would roll the clusters back (and prune what was added since).
        boolean allowRollback = git.bool("allowRollback", false);
        // JGit's own timeout is per read: a remote trickling a byte every few seconds never trips it.
        Duration timeout = git.duration("timeout", Duration.ofSeconds(60));
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            git.problem("timeout", "must be longer than 0s");
            timeout = Duration.ofSeconds(60);
        }
        git.rejectUnknownKeys();
        return new GitConfig(url, branch, checkoutDir, auth, authorName, authorEmail, writeMode, maxOverride,
                pullRequest, pollInterval, signingKey, allowedSigners, allowRollback,
                timeout == null ? Duration.ofSeconds(60) : timeout);
    }

    /** A section of one required file key, such as {@code git.signing.sshKeyFile}. */
    private static Path requiredPath(YamlSection section, String key, String what) {
        Path path = section.path(key, null);
        if (path == null) {
            section.problem(key, "is required (" + what + ")");
        }
        section.rejectUnknownKeys();
        return path == null ? Path.of("") : path;
    }

    private static GitAuthConfig gitAuth(YamlSection auth) {
        Optional<String> username = auth.optionalString("username");
        Optional<SecretRef> usernameFrom = SecretKeys.optional(auth, "username");
        Optional<SecretRef> token = SecretKeys.optional(auth, "token");
        Optional<Path> sshKeyFile = Optional.ofNullable(auth.path("sshKeyFile", null));
        Optional<Path> knownHostsFile = Optional.ofNullable(auth.path("knownHostsFile", null));
        Optional<SecretRef> passphrase = SecretKeys.optional(auth, "passphrase");
        boolean ssh = sshKeyFile.isPresent() || knownHostsFile.isPresent() || passphrase.isPresent();
        if (ssh) {
            if (sshKeyFile.isEmpty()) {
                auth.problem("sshKeyFile", "is required with knownHostsFile or a passphrase (the deploy key's private half)");
            }
            // Without it the host key could only be trusted on first sight: a man in the middle
            // on the first connection would get the deploy key's signature and every push.
            if (knownHostsFile.isEmpty()) {
                auth.problem("knownHostsFile", "is required with sshKeyFile: the server's host key is checked"
                        + " against it (make it with ssh-keyscan)");
            }
            if (token.isPresent()) {
                auth.problem(auth.has("tokenFile") ? "tokenFile" : "tokenEnv",
                        "name either a token (https) or sshKeyFile (ssh), not both");
            }
            if (username.isPresent() || usernameFrom.isPresent()) {
                auth.problem(auth.has("username") ? "username" : auth.has("usernameFile") ? "usernameFile" : "usernameEnv",
                        "is for https; the SSH user is the one in the URL (ssh://git@host/...)");
            }
        } else if (token.isEmpty()) {
            auth.problem("tokenFile", "is required (or tokenEnv; for an ssh:// URL, sshKeyFile and knownHostsFile)");
        }
        auth.rejectUnknownKeys();
        return new GitAuthConfig(username, usernameFrom, token.orElse(null), sshKeyFile, knownHostsFile, passphrase);
    }

    /** The schemes the Git transport speaks; anything else would only fail at the first fetch. */
    private static final Set<String> GIT_SCHEMES = Set.of("https", "http", "ssh", "file");

    /** {@code user@host:path}, the scp-like form git and forges print for SSH remotes. */
    private static final Pattern SCP_LIKE =
            Pattern.compile("([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):(?!//)(.+)");

    /**
     * {@code git.url}: an https, http, ssh or file URL, or the scp-like {@code git@host:path},
     * which is read as {@code ssh://git@host/path} (the path from the server's root, as forges
     * take it). A user name is allowed in an ssh URL, because that is where SSH takes it from
     * ({@code git@}); a password is refused in every URL, because the URL is printed.
     * {@code validate} reads the configuration through this same method, so both accept the
     * same URLs as the transport does.
     */
    private static URI gitUrl(YamlSection git) {
        String text = git.string("url");
        if (text == null) {
            return null;
        }
        URI url;
        try {
            Matcher scp = SCP_LIKE.matcher(text);
            url = scp.matches() && !text.contains("://")
                    ? new URI("ssh", scp.group(1), scp.group(2).replaceAll("^\\[|\\]$", ""), -1,
                            "/" + scp.group(3).replaceFirst("^/+", ""), null, null)
                    : new URI(text);
        } catch (URISyntaxException e) {
            git.problem("url", "is not a valid URL: " + e.getReason());
            return null;
        }
        String scheme = url.getScheme();
        if (scheme == null) {
            git.problem("url", "must be a URL with a scheme (https://..., ssh://..., file://...), not '" + text + "'");
        } else if (!GIT_SCHEMES.contains(scheme)) {
            git.problem("url", "has the unsupported scheme '" + scheme + "' (use https, http, ssh or file)");
        } else if (url.getRawUserInfo() != null && (!scheme.equals("ssh") || url.getRawUserInfo().contains(":"))) {
            git.problem("url", "must not carry credentials; use the auth section");
        }
        return url;
    }

    /** An ssh URL goes with a deploy key and known_hosts, and a deploy key only with an ssh URL. */
    private static void checkAuthFitsUrl(YamlSection git, URI url, Optional<GitAuthConfig> auth) {
        if (url == null || url.getScheme() == null) {
            return;
        }
        boolean sshUrl = url.getScheme().equals("ssh");
        boolean sshAuth = auth.map(GitAuthConfig::isSsh).orElse(false);
        if (sshUrl && !sshAuth) {
            git.problem(auth.isPresent() ? "auth" : "url", "an ssh URL needs git.auth.sshKeyFile and"
                    + " git.auth.knownHostsFile (the deploy key, and the host keys to trust)");
        } else if (!sshUrl && sshAuth) {
            git.problem("auth", "sshKeyFile is for ssh URLs; a " + url.getScheme() + " URL takes tokenFile or tokenEnv");
        }
    }

    private static PullRequestConfig pullRequest(YamlSection pr) {
        String provider = pr.choice("provider", Map.of("github", "github", "gitea", "gitea", "gitlab", "gitlab"),
                null);
        if (provider == null && !pr.has("provider")) {
            pr.problem("provider", "is required (github, gitea or gitlab)");
        }
        URI apiUrl = ConfigLoader.uri(pr, "apiUrl");
        String repository = pr.string("repository");
        Optional<SecretRef> token = SecretKeys.optional(pr, "token");
        if (token.isEmpty()) {
            pr.problem("tokenFile", "is required (or tokenEnv)");
        }
        boolean autoMerge = pr.bool("autoMerge", false);
        boolean deleteBranch = pr.bool("deleteBranch", true);
        Duration reproposeAfter = pr.duration("reproposeAfter", PullRequestConfig.DEFAULT_REPROPOSE_AFTER);
        pr.rejectUnknownKeys();
        return new PullRequestConfig(provider, apiUrl, repository, token.orElse(null), autoMerge, deleteBranch,
                reproposeAfter);
    }

    /** One working copy per remote and branch, so two configurations never share a checkout. */
    private static Path defaultCheckoutDir(URI url, String branch) {
        String key = (url == null ? "" : url.toString()) + "#" + branch;
        String hash;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            hash = HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "burst-gitops", "checkout-" + hash);
    }
}
