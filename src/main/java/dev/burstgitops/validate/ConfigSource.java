package dev.burstgitops.validate;

import dev.burstgitops.manifest.SourceLocation;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One place the repository keeps the controller's configuration, and the way back from a line
 * of the configuration to a line of that file: a problem must land where a person edits, which
 * for an embedded configuration is the ConfigMap, some lines down.
 *
 * @param file          repository-relative: {@code burst-gitops.yaml} at the root, or the file of
 *                      a ConfigMap that embeds it
 * @param text          the configuration itself
 * @param firstLine     the file's line (1-based) that holds the text's first line
 * @param linesKept     whether line n of the text is line {@code firstLine + n - 1} of the file:
 *                      true for a whole file and for a literal block scalar ({@code |}), false
 *                      for a quoted or folded value, whose line breaks are escaped or folded
 * @param wholeTextLine where a problem of the whole text (it is empty, say) is reported: 0, the
 *                      file itself, for a file; the data key's line for an embedded text
 */
record ConfigSource(String file, String text, int firstLine, boolean linesKept, int wholeTextLine) {

    /** The configuration's file name: at the root, and as the key of a ConfigMap's data. */
    static final String FILE = "burst-gitops.yaml";

    /** {@code burst-gitops.yaml} at the repository root. */
    static ConfigSource rootFile(String text) {
        return new ConfigSource(FILE, text, 1, true, 0);
    }

    /**
     * The value of a ConfigMap's {@code data.burst-gitops.yaml}.
     *
     * @param key   the data key, whose line stands for the whole text
     * @param value the text, whose start mark is the block indicator ({@code |}) or the quote
     */
    static ConfigSource embedded(String file, Node key, ScalarNode value) {
        int valueLine = value.getStartMark().getLine() + 1;
        boolean literal = value.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL;
        // A literal block's text starts on the line after its indicator, line for line as written.
        return new ConfigSource(file, value.getValue(), literal ? valueLine + 1 : valueLine, literal,
                key.getStartMark().getLine() + 1);
    }

    /** @param line the line of the text, as the configuration loader counts it; 0 for the whole text */
    ValidationProblem problem(int line, String message) {
        return new ValidationProblem(location(line), withLine(message, line));
    }

    ValidationWarning warning(int line, String message) {
        return new ValidationWarning(location(line), withLine(message, line));
    }

    /** The same problem, moved from the text's own lines to the file's. */
    ValidationProblem inFile(ValidationProblem inText) {
        return problem(inText.location().line(), inText.message());
    }

    /** The line of the text that holds a key path ({@code policies}, 0, {@code query}); 0 when it has none. */
    int lineOf(List<Object> keyPath) {
        return DocumentLines.lineIn(text, keyPath);
    }

    private SourceLocation location(int line) {
        if (line <= 0) {
            return new SourceLocation(file, wholeTextLine);
        }
        return new SourceLocation(file, linesKept ? firstLine + line - 1 : firstLine);
    }

    /** Where the file's lines say nothing, the message says which line of the embedded text it means. */
    private String withLine(String message, int line) {
        return linesKept || line <= 0 ? message : message + " (line " + line + " of the embedded " + FILE + ")";
    }
}
