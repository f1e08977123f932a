package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.testing.GitClient;
import dev.burstgitops.testing.GitRemotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trees the clusters render from: the repository at one revision, read from the object
 * database, unchanged by later fetches and resets of the working copy, and deleted once no one
 * renders them.
 */
class RevisionTreesTest {

    @TempDir
    Path dir;

    private GitClient person;
    private JGitWorkspace workspace;
    private Path base;
    private RevisionTrees trees;

    @BeforeEach
    void setUp() throws Exception {
        Path remote = GitRemotes.createBare(dir.resolve("fleet.git"), Map.of(
                "apps/app.yaml", "version: 1\n", "clusters/east/kustomization.yaml", "resources: [../../apps]\n"));
        person = GitClient.clone(remote.toString(), dir.resolve("person"), GitRemotes.BRANCH);
        Files.createSymbolicLink(person.workTree().resolve("clusters/east/app.yaml"), Path.of("../../apps/app.yaml"));
        person.commitAndPush(GitRemotes.SEEDER, "east links the app");
        workspace = new JGitWorkspace(GitRemote.anonymous(remote.toUri(), GitRemotes.BRANCH, dir.resolve("checkout")),
                new CommitIdentity("burst-gitops", "burst-gitops@localhost"), Clock.systemUTC());
        base = RevisionTrees.besides(workspace.directory());
        trees = new RevisionTrees(workspace, base);
    }

    @AfterEach
    void tearDown() {
        trees.close();
        workspace.close();
    }

    @Test
    void aTreeKeepsItsRevisionWhileTheWorkingCopyMovesOnAndGoesWithItsLastHolder() throws Exception {
        RevisionTree first = trees.of(workspace.refresh());
        RevisionTree rendering = first.retain();  // as a cluster worker does
        person.write("apps/app.yaml", "version: 2\n").commitAndPush(GitRemotes.SEEDER, "version 2");

        RevisionTree second = trees.of(workspace.refresh());

        assertThat(workspace.directory().resolve("apps/app.yaml")).hasContent("version: 2");
        assertThat(first.root().resolve("apps/app.yaml")).hasContent("version: 1");
        assertThat(first.root().resolve("clusters/east/app.yaml")).isSymbolicLink().hasContent("version: 1");
        assertThat(second.root().resolve("clusters/east/app.yaml")).hasContent("version: 2");
        assertThat(trees.of(second.revision())).as("one export per revision").isSameAs(second);

        rendering.release();

        assertThat(first.root()).doesNotExist();
        assertThat(children(base)).containsExactly(second.root());
    }

    @Test
    void aTreeCarriesTheTrailersOfItsCommitForTheSyncPass() throws Exception {
        person.write("apps/app.yaml", "version: 2\n").commitAndPush(GitRemotes.SEEDER,
                "Drop the old app\n\nPrune-Confirmed: 3");

        RevisionTree tree = trees.of(workspace.refresh());

        assertThat(tree.trailers().first("Prune-Confirmed")).contains("3");
    }

    @Test
    void treesLeftBehindByAStoppedProcessAreClearedAtTheStart() throws Exception {
        Path leftover = trees.of(workspace.refresh()).retain().root();

        new RevisionTrees(workspace, base).close();

        assertThat(leftover).doesNotExist();
    }

    private static java.util.List<Path> children(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }
}
