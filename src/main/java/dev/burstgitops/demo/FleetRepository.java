package dev.burstgitops.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

/**
 * The demo's GitOps repository: a bare repository on disk, seeded with one commit of the given
 * files, that the controller clones, commits to and pushes to like any remote.
 */
public final class FleetRepository {

    public static final String BRANCH = "main";
    /** Named so that {@code git log} tells the seed apart from the controller's own commits. */
    private static final String SEEDER_NAME = "burst-gitops demo";
    private static final String SEEDER_EMAIL = "demo@burst-gitops.invalid";

    private FleetRepository() {
    }

    /** Creates the bare repository {@code bareDir} whose {@code main} holds {@code files}. */
    public static Path seed(Path bareDir, Map<String, byte[]> files) {
        Path seedDir = bareDir.resolveSibling(bareDir.getFileName() + ".seed");
        try {
            Git.init().setBare(true).setInitialBranch(BRANCH).setDirectory(bareDir.toFile()).call().close();
            try (Git seed = Git.init().setInitialBranch(BRANCH).setDirectory(seedDir.toFile()).call()) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path target = seedDir.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
                seed.add().addFilepattern(".").call();
                // An explicit identity: otherwise JGit reads the machine's git config, which a
                // fresh machine may not have.
                PersonIdent seeder = new PersonIdent(SEEDER_NAME, SEEDER_EMAIL, Instant.now(), ZoneOffset.UTC);
                seed.commit().setAuthor(seeder).setCommitter(seeder).setSign(false)
                        .setMessage("Seed the demo fleet with the reference apps/ and clusters/").call();
                seed.remoteAdd().setName("origin").setUri(new URIish(bareDir.toUri().toURL())).call();
                for (PushResult result : seed.push().setRemote("origin").add(BRANCH).call()) {
                    for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                        if (update.getStatus() != RemoteRefUpdate.Status.OK) {
                            throw new IllegalStateException("seeding " + bareDir + ": push " + update.getStatus());
                        }
                    }
                }
            }
            DemoFiles.deleteRecursively(seedDir);
            return bareDir;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot seed the demo repository " + bareDir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed the demo repository " + bareDir, e);
        }
    }
}
