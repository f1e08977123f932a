package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Names what a proposal writes: a digest of each changed path with the content it gets (or its
 * absence). Neither the commit id (new on every push) nor the whole tree (moved by any unrelated
 * commit on the base branch) nor the message (it quotes the observed rate) would do: the same
 * weights proposed again must be recognised as the proposal a person already turned down.
 */
final class ProposalKey {

    private static final int HEX_DIGITS = 16;

    private ProposalKey() {
    }

    static String of(Repository repository, ObjectId tree, List<String> paths) throws GitException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String path : paths.stream().sorted().distinct().toList()) {
                digest.update((path + "\0" + contentOf(repository, tree, path) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String contentOf(Repository repository, ObjectId tree, String path) throws GitException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
            return walk == null ? "absent" : walk.getObjectId(0).name();
        } catch (IOException e) {
            throw new GitException("cannot read " + path + " in tree " + tree.name(), e);
        }
    }
}
