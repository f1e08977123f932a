package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Opens the checkout directory, cloning the remote into it the first time. A directory that
 * holds something else (another remote's clone, unrelated files) is refused rather than reused,
 * so the controller never commits into the wrong repository.
 */
final class JGitCheckout {

    static final int TRANSPORT_TIMEOUT_SECONDS = 60;

    private JGitCheckout() {
    }

    static Git openOrClone(GitRemote remote) throws GitException {
        Path dir = remote.checkoutDir();
        Git git;
        if (Files.isDirectory(dir.resolve(Constants.DOT_GIT))) {
            git = openExisting(remote);
        } else if (isAbsentOrEmpty(dir)) {
            git = cloneInto(remote);
        } else {
            throw new GitException("checkout directory " + dir + " is not empty and holds no Git repository");
        }
        gcInTheForeground(git);
        return git;
    }

    /**
     * JGit's automatic garbage collection after a fetch runs on a background thread by default,
     * holding locks in the checkout while the next refresh runs. In the foreground, no lock of
     * this process outlives the call that took it, so a lock found after a failed refresh is stale.
     */
    private static void gcInTheForeground(Git git) throws GitException {
        StoredConfig config = git.getRepository().getConfig();
        if (config.getBoolean(ConfigConstants.CONFIG_GC_SECTION, ConfigConstants.CONFIG_KEY_AUTODETACH, true)) {
            config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
            try {
                config.save();
            } catch (IOException e) {
                git.close();
                throw new GitException("cannot write the config of the checkout in "
                        + git.getRepository().getDirectory(), e);
            }
        }
    }

    /** Basic auth for http(s); nothing for file remotes, nor for ssh ones (their key is set by {@link RemoteAccess}). */
    static CredentialsProvider credentialsFor(GitRemote remote) {
        if (!remote.isHttp()) {
            return null;
        }
        return remote.credentials()
                .map(c -> new UsernamePasswordCredentialsProvider(c.username(), c.token().reveal()))
                .orElse(null);
    }

    private static Git openExisting(GitRemote remote) throws GitException {
        Git git;
        try {
            git = Git.open(remote.checkoutDir().toFile());
        } catch (IOException e) {
            throw new GitException("cannot open the checkout in " + remote.checkoutDir(), e);
        }
        StoredConfig config = git.getRepository().getConfig();
        String origin = config.getString("remote", Constants.DEFAULT_REMOTE_NAME, "url");
        if (origin == null || !remote.isSameRemote(origin)) {
            git.close();
            throw new GitException("checkout directory " + remote.checkoutDir() + " is a clone of "
                    + (origin == null ? "no remote" : GitErrors.withoutUserInfo(origin))
                    + ", not of " + remote.displayUrl() + ": remove it or choose another checkoutDir");
        }
        return git;
    }

    // No checkout here: refresh() puts the branch at the remote head with a hard reset either way.
    private static Git cloneInto(GitRemote remote) throws GitException {
        String branchRef = Constants.R_HEADS + remote.branch();
        RemoteAccess access = RemoteAccess.to(remote);
        try {
            return access.apply(Git.cloneRepository()
                    .setURI(remote.transportUrl())
                    .setDirectory(remote.checkoutDir().toFile())
                    .setBranchesToClone(List.of(branchRef))
                    .setBranch(branchRef)
                    .setNoCheckout(true))
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw access.failed("clone of", e);
        }
    }

    private static boolean isAbsentOrEmpty(Path dir) throws GitException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new GitException("cannot list checkout directory " + dir, e);
        }
    }
}
