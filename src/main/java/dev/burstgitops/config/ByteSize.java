package dev.burstgitops.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in bytes as Kubernetes quantities write it: {@code 4Mi}, {@code 512Ki}, {@code 1G}, or plain bytes. */
final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})(Ki|Mi|Gi|k|M|G)?");
    private static final Map<String, Long> UNITS = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30,
            "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L);

    private ByteSize() {
    }

    static long read(YamlSection section, String key, long fallback) {
        Optional<String> text = section.optionalString(key);
        if (text.isEmpty()) {
            return fallback;
        }
        Matcher matcher = SIZE.matcher(text.get());
        if (!matcher.matches()) {
            section.problem(key, "must be a size such as 4Mi, 512Ki or 1000000 (bytes), not '" + text.get() + "'");
            return fallback;
        }
        long unit = matcher.group(2) == null ? 1 : UNITS.get(matcher.group(2));
        return Long.parseLong(matcher.group(1)) * unit;
    }
}
