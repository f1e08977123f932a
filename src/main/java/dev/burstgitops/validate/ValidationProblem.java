package dev.burstgitops.validate;

import dev.burstgitops.manifest.RenderProblem;
import dev.burstgitops.manifest.SourceLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a repository, at the place a person has to fix it. Printed as
 * {@code file:line: message} (or {@code file: message} when no line applies), the form CI
 * logs and editors link to.
 */
public record ValidationProblem(SourceLocation location, String message) implements Comparable<ValidationProblem> {

    /** By file, then line (a whole-file problem first), then message, so output is stable. */
    private static final Comparator<ValidationProblem> ORDER = Comparator
            .comparing((ValidationProblem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparing(ValidationProblem::message);

    private static final Pattern LINE_PREFIX = Pattern.compile("(\\d+): (.*)", Pattern.DOTALL);

    public ValidationProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    static ValidationProblem of(RenderProblem problem) {
        return new ValidationProblem(problem.location(), problem.message());
    }

    /**
     * Reads back a problem that another package already formatted as {@code file:line: message}
     * or {@code file: message} ({@code ConfigException}, {@code OverrideLookup.Invalid}), so that
     * it sorts with the others by line rather than as text.
     */
    static ValidationProblem parse(String formatted, String file) {
        String prefix = file + ":";
        if (!formatted.startsWith(prefix)) {
            return new ValidationProblem(SourceLocation.of(file), formatted);
        }
        String rest = formatted.substring(prefix.length());
        Matcher withLine = LINE_PREFIX.matcher(rest);
        if (withLine.matches()) {
            return new ValidationProblem(new SourceLocation(file, Integer.parseInt(withLine.group(1))), withLine.group(2));
        }
        return new ValidationProblem(SourceLocation.of(file), rest.strip());
    }

    @Override
    public int compareTo(ValidationProblem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
