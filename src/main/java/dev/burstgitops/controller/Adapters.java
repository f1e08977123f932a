package dev.burstgitops.controller;

import dev.burstgitops.config.BurstGitopsConfig;
import dev.burstgitops.config.ConfigException;
import dev.burstgitops.config.GitAuthConfig;
import dev.burstgitops.config.GitConfig;
import dev.burstgitops.config.Secret;
import dev.burstgitops.gitops.CommitIdentity;
import dev.burstgitops.gitops.CommitSigner;
import dev.burstgitops.gitops.GitCredentials;
import dev.burstgitops.gitops.GitRemote;
import dev.burstgitops.gitops.GitTrust;
import dev.burstgitops.gitops.HeadVerifier;
import dev.burstgitops.gitops.JGitWorkspace;
import dev.burstgitops.gitops.SshCredentials;
import dev.burstgitops.metrics.MetricsHistory;
import dev.burstgitops.metrics.MetricsSource;
import dev.burstgitops.metrics.PrometheusMetricsHistory;
import dev.burstgitops.metrics.PrometheusEndpoint;
import dev.burstgitops.metrics.PrometheusMetricsSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the adapters at the edges from the configuration. Secrets are read here, once, and
 * handed to the adapters as {@link dev.burstgitops.config.Secret}s that cannot print themselves.
 */
public final class Adapters {

    private Adapters() {
    }

    public static MetricsSource prometheus(BurstGitopsConfig config) throws ConfigException {
        return new PrometheusMetricsSource(prometheusEndpoint(config));
    }

    /** The configured Prometheus as a source of past values, for {@code simulate}. */
    public static MetricsHistory prometheusHistory(BurstGitopsConfig config) throws ConfigException {
        return new PrometheusMetricsHistory(prometheusEndpoint(config));
    }

    private static PrometheusEndpoint prometheusEndpoint(BurstGitopsConfig config) throws ConfigException {
        return PrometheusEndpoint.of(config.prometheus()
                .orElseThrow(() -> new ConfigException("prometheus: is required to decide")));
    }

    public static JGitWorkspace workspace(BurstGitopsConfig config, Clock clock) throws ConfigException {
        return new JGitWorkspace(remote(config), identity(config.git()), clock, trust(config.git()),
                config.git().timeout());
    }

    /**
     * A working copy of its own beside the burst loop's ({@code <checkoutDir><suffix>}), so
     * that a command never resets the tree a running loop is using, nor waits on its fetch.
     */
    public static JGitWorkspace workspace(BurstGitopsConfig config, Clock clock, String suffix)
            throws ConfigException {
        GitRemote remote = remote(config);
        Path dir = remote.checkoutDir().resolveSibling(remote.checkoutDir().getFileName() + suffix);
        return new JGitWorkspace(remote.withCheckoutDir(dir), identity(config.git()), clock, trust(config.git()),
                config.git().timeout());
    }

    /**
     * {@code git.signing} and {@code git.verify}: every working copy signs and verifies alike.
     * Both files must be there at start, like every secret; they are read again at each use.
     */
    public static GitTrust trust(GitConfig git) throws ConfigException {
        readable("git.signing.sshKeyFile", git.signingKeyFile());
        readable("git.verify.allowedSignersFile", git.allowedSignersFile());
        return new GitTrust(git.signingKeyFile().map(CommitSigner::sshKey).orElse(CommitSigner.none()),
                git.allowedSignersFile().map(file -> HeadVerifier.allowedSigners(file, git.allowRollback()))
                        .orElse(HeadVerifier.acceptingAny()));
    }

    private static void readable(String key, Optional<Path> file) throws ConfigException {
        if (file.isPresent() && !Files.isReadable(file.get())) {
            throw new ConfigException(key + ": " + file.get() + " does not exist or cannot be read");
        }
    }

    /**
     * The sync loop's own working copy, beside the burst loop's: the loops never wait for each
     * other's fetch or push, and a render never sees a tree the other loop is resetting.
     */
    public static JGitWorkspace syncWorkspace(BurstGitopsConfig config, Clock clock) throws ConfigException {
        return workspace(config, clock, "-sync");
    }

    public static GitRemote remote(BurstGitopsConfig config) throws ConfigException {
        GitConfig git = config.git();
        Optional<GitCredentials> credentials = Optional.empty();
        if (git.auth().isPresent() && git.auth().get().isSsh()) {
            GitAuthConfig auth = git.auth().get();
            Optional<Secret> passphrase = auth.passphrase().isPresent()
                    ? Optional.of(auth.passphrase().get().readWhenUsed()) : Optional.empty();
            return GitRemote.ssh(git.url(), git.branch(), git.checkoutDir(), new SshCredentials(
                    auth.sshKeyFile().orElseThrow(), auth.knownHostsFile().orElseThrow(), passphrase));
        }
        if (git.auth().isPresent()) {
            GitAuthConfig auth = git.auth().get();
            credentials = Optional.of(new GitCredentials(auth.resolveUsername(), auth.token().readWhenUsed()));
        }
        return new GitRemote(git.url(), git.branch(), git.checkoutDir(), credentials);
    }

    public static CommitIdentity identity(GitConfig git) {
        return new CommitIdentity(git.authorName(), git.authorEmail());
    }
}
