package dev.burstgitops.gitops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The ordered trailer block of a commit message. A key may repeat; lookups ignore case as git
 * does.
 */
public record Trailers(List<Trailer> lines) {

    public Trailers {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    public static Trailers none() {
        return new Trailers(List.of());
    }

    /** The trailers JGit finds in the last paragraph of a commit's message. */
    public static Trailers of(RevCommit commit) {
        List<Trailer> parsed = new ArrayList<>();
        for (FooterLine footer : commit.getFooterLines()) {
            if (!footer.getValue().isBlank()) {
                parsed.add(new Trailer(footer.getKey(), footer.getValue()));
            }
        }
        return new Trailers(parsed);
    }

    /** These trailers followed by one more. */
    public Trailers with(String key, String value) {
        List<Trailer> more = new ArrayList<>(lines);
        more.add(new Trailer(key, value));
        return new Trailers(more);
    }

    public List<String> values(String key) {
        return lines.stream().filter(t -> t.hasKey(key)).map(Trailer::value).toList();
    }

    /** The first value of a key, the usual way to read a trailer that appears once. */
    public Optional<String> first(String key) {
        return lines.stream().filter(t -> t.hasKey(key)).map(Trailer::value).findFirst();
    }

    public boolean contains(String key, String value) {
        return values(key).contains(value);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Keys in first-seen order (as written), each with its values in order. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Trailer trailer : lines) {
            String key = byKey.keySet().stream().filter(trailer::hasKey).findFirst().orElse(trailer.key());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(trailer.value());
        }
        byKey.replaceAll((key, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(byKey);
    }
}
