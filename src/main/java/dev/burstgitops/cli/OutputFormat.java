package dev.burstgitops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code -o text|json}: lines for a person (the default) or one JSON document for a script. */
final class OutputFormat {

    enum Format { TEXT, JSON }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json.")
    Format format;

    boolean json() {
        return format == Format.JSON;
    }

    /** Writes {@code document} (maps, lists, strings, numbers) as indented JSON and a newline. */
    static void print(Object document, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command's output that cannot be JSON", e);
        }
    }
}
