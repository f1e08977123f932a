package dev.burstgitops.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test repositories under {@code src/test/resources/validate/}: {@code good} is a complete
 * layout, and every other case is the good one with a few files replaced, so that each
 * broken case shows exactly the problems its own files cause.
 */
final class FixtureRepository {

    static final Path FIXTURES = Path.of("src/test/resources/validate");
    /** The validators' "now": the good override (until 2026-11-29) is in force, the expired one (11-25) is not. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

    private FixtureRepository() {
    }

    /** Copies {@code good}, then the files of {@code overlay} over it, into {@code target}. */
    static Path good(Path target, String overlay) {
        copyTree(FIXTURES.resolve("good"), target);
        copyTree(FIXTURES.resolve(overlay), target);
        return target;
    }

    static Path good(Path target) {
        copyTree(FIXTURES.resolve("good"), target);
        return target;
    }

    static void copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the command prints for a report: each problem, then the summary (the warnings, then the count). */
    static List<String> output(ValidationReport report) {
        List<String> lines = new ArrayList<>();
        report.problems().forEach(problem -> lines.add(problem.toString()));
        lines.addAll(report.summary().lines().toList());
        return lines;
    }

    static List<String> validate(Path repository) {
        return output(new RepositoryValidator(CLOCK).validate(repository));
    }
}
