package dev.burstgitops.override;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes and removes {@code overrides/<policy>.yaml} in a working tree. The text is dumped by
 * SnakeYAML, not pieced together, so any reason (a colon, a hash, a quote) stays one string; it
 * reads as a person would write it, the reason double-quoted:
 *
 * <pre>
 * policy: worker
 * mode: burst
 * until: 2026-11-27T06:00:00Z
 * reason: "Black Friday: keep it on"
 * </pre>
 *
 * <p>Before it is written the text is read back with the {@link OverrideReader} the controller
 * uses, so a file this writes is one the controller accepts.
 */
public final class OverrideWriter {

    private final OverrideReader reader;

    public OverrideWriter(Duration maxOverrideDuration) {
        this.reader = new OverrideReader(maxOverrideDuration);
    }

    /**
     * The file holding {@code policy} at {@code target} until {@code until}.
     *
     * @param target {@code burst}, {@code natural} or {@code suspend}
     * @throws IllegalArgumentException when the override would be invalid, or is over by {@code now}
     */
    public String text(String policy, String target, Instant until, String reason, Instant now) {
        OverrideFile.parseTarget(target);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("policy", policy);
        fields.put("mode", target);
        fields.put("until", until);
        // One line: the file is read by people in a diff, and a reason is a sentence.
        fields.put("reason", new Reason(reason.replace("\n", " ")));
        String text = yaml().dump(fields);
        OverrideLookup checked = reader.check(text, OverrideFile.pathFor(policy), policy, now);
        if (checked instanceof OverrideLookup.Invalid invalid) {
            throw new IllegalArgumentException(String.join("; ", invalid.problems()));
        }
        if (checked instanceof OverrideLookup.Expired) {
            throw new IllegalArgumentException("until " + until + " is not in the future");
        }
        return text;
    }

    /** Writes {@code text} as {@code policy}'s override below {@code root}; returns its repository path. */
    public static String write(Path root, String policy, String text) throws IOException {
        String file = OverrideFile.pathFor(policy);
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        return file;
    }

    /** Removes {@code policy}'s override below {@code root}; false when there was none. */
    public static boolean remove(Path root, String policy) throws IOException {
        return Files.deleteIfExists(root.resolve(OverrideFile.pathFor(policy)));
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        // A long reason stays on its line rather than being folded at 80 columns.
        options.setSplitLines(false);
        return new Yaml(new OverrideRepresenter(options), options);
    }

    /** The reason, written double-quoted whatever it holds. */
    private record Reason(String text) {
    }

    /** {@code until} as a bare RFC 3339 time, the reason double-quoted; the rest as SnakeYAML writes strings. */
    private static final class OverrideRepresenter extends Representer {
        OverrideRepresenter(DumperOptions options) {
            super(options);
            representers.put(Instant.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
            representers.put(Reason.class, data -> representScalar(Tag.STR, ((Reason) data).text(),
                    DumperOptions.ScalarStyle.DOUBLE_QUOTED));
        }
    }
}
