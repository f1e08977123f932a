package dev.burstgitops.manifest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The original text of a manifest file together with its node tree, and the translation
 * between the two.
 *
 * <p>SnakeYAML counts {@link Mark#getIndex()} in Unicode code points while Java strings
 * count UTF-16 chars; an emoji in a comment would otherwise shift every later edit by one
 * char and corrupt the file. Every offset into the text therefore goes through
 * {@link #charOffset(Mark)}.
 */
final class VirtualServiceSource {

    private final String text;
    private final String file;

    VirtualServiceSource(String text, String file) {
        this.text = text;
        this.file = file;
    }

    String text() {
        return text;
    }

    String file() {
        return file;
    }

    /** Every document of the file, in order; a syntax error names its line. */
    List<Node> documents() throws ManifestException {
        List<Node> documents = new ArrayList<>();
        try {
            // composeAll is lazy: syntax errors surface while iterating, so the loop is
            // inside the try as well.
            for (Node document : new Yaml(new LoaderOptions()).composeAll(new StringReader(text))) {
                if (document != null) {
                    documents.add(document);
                }
            }
        } catch (MarkedYAMLException e) {
            throw new ManifestException(location(problemMark(e)), "not valid YAML: " + describe(e), e);
        } catch (YAMLException e) {
            throw new ManifestException(SourceLocation.of(file), "not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    private static Mark problemMark(MarkedYAMLException e) {
        return e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    }

    /**
     * The problem, and where the construct it broke began: an unclosed bracket is only
     * noticed lines later, and the opening line is where the fix goes.
     */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        Mark context = e.getContextMark();
        if (e.getContext() == null || context == null || context == e.getProblemMark()) {
            return problem;
        }
        return problem + " (" + e.getContext() + " begun at line " + (context.getLine() + 1) + ")";
    }

    /** The char offset in {@link #text()} of a position SnakeYAML reports in code points. */
    int charOffset(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    SourceLocation location(Mark mark) {
        return mark == null ? SourceLocation.of(file) : new SourceLocation(file, mark.getLine() + 1);
    }

    SourceLocation location(Node node) {
        return location(node.getStartMark());
    }
}
