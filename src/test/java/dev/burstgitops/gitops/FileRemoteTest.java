package dev.burstgitops.gitops;

import java.nio.file.Path;
import java.util.Map;
import dev.burstgitops.testing.GitRemotes;

/** The contract against a bare repository on disk, reached through a {@code file:} URL. */
class FileRemoteTest extends GitRemoteContract {

    @Override
    Path createRemote(Path workDir, Map<String, String> files) {
        return GitRemotes.createBare(workDir.resolve("fleet.git"), files);
    }

    @Override
    GitRemote remoteFor(Path checkoutDir) {
        return GitRemote.anonymous(bare.toUri(), GitRemotes.BRANCH, checkoutDir);
    }

    @Override
    String secondClientUrl() {
        return bare.toString();
    }
}
