package dev.burstgitops.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a file outside the layout says, in its text, that it holds a VirtualService or a
 * DestinationRule. Asked of a file the YAML parser refused: outside the layout only those two
 * kinds are checked, so a broken file is a problem when it is meant to hold one of them
 * ({@code mesh/worker.yaml}), and none when it is someone else's YAML (a docs site's
 * configuration, a template with {@code {{ }}} in it).
 */
final class RoutingKinds {

    private static final Pattern KIND_LINE = Pattern.compile(
            "^\\s*kind:\\s*[\"']?(VirtualService|DestinationRule)[\"']?\\s*(#.*)?$");

    private RoutingKinds() {
    }

    static boolean declaredIn(Path file) {
        // Line by line: the file may be over the size limit, and need not be read whole to tell.
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> KIND_LINE.matcher(line).matches());
        } catch (IOException | UncheckedIOException e) {
            return false;  // unreadable or not UTF-8 text: no manifest anyone applies
        }
    }
}
