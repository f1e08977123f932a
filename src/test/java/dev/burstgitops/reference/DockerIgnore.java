package dev.burstgitops.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Docker's {@code .dockerignore} rules, as far as this repository uses them: one pattern a
 * line, {@code #} comments, {@code !} to include again, {@code *} within a path segment and
 * {@code **} across them; a pattern that matches a directory matches everything below it, and
 * the last pattern that matches a path decides. Character classes and escapes are refused
 * rather than guessed at.
 */
final class DockerIgnore {

    private record Rule(Pattern pattern, boolean include) {
    }

    private final List<Rule> rules = new ArrayList<>();

    DockerIgnore(String text) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean include = line.startsWith("!");
            String pattern = (include ? line.substring(1) : line).strip();
            if (pattern.matches(".*[\\[\\]\\\\?].*")) {
                throw new IllegalArgumentException("pattern not supported by this reader: " + line);
            }
            // Docker cleans each pattern like a path: no leading or trailing slash.
            pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
            rules.add(new Rule(Pattern.compile(regex(pattern)), include));
        }
    }

    /** Whether {@code path} (relative, with '/') stays out of the build context. */
    boolean excludes(String path) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItselfOrAParent(rule.pattern(), path)) {
                excluded = !rule.include();
            }
        }
        return excluded;
    }

    private static boolean matchesItselfOrAParent(Pattern pattern, String path) {
        String candidate = path;
        while (true) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static String regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
