package dev.burstgitops.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves a damaged checkout aside, to {@code <dir>.broken-<UTC time>} beside it, so that a person
 * can look at what went wrong while the controller clones afresh. At most one is kept: older
 * ones are deleted first, so a disk that keeps breaking checkouts does not fill up with them.
 */
final class BrokenCheckouts {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private BrokenCheckouts() {
    }

    /** Where {@code dir} went; afterwards {@code dir} does not exist. */
    static Path moveAside(Path dir, Instant now) throws GitException {
        String prefix = dir.getFileName() + ".broken-";
        Path aside = dir.resolveSibling(prefix + STAMP.format(now));
        try {
            for (Path older : olderOnes(dir, prefix)) {
                deleteRecursively(older);
            }
            return Files.move(dir, aside);
        } catch (IOException e) {
            throw new GitException("cannot move the damaged checkout " + dir + " aside to " + aside, e);
        }
    }

    private static List<Path> olderOnes(Path dir, String prefix) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
