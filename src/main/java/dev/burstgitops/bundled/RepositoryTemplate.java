package dev.burstgitops.bundled;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the repository template into a directory with the service and namespace names put in
 * for {@code __SERVICE__} and {@code __NAMESPACE__}, in file contents and paths alike.
 */
public final class RepositoryTemplate {

    /** A name that is valid as a Kubernetes object name, a label value and a path segment. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Map<String, byte[]> files;

    public RepositoryTemplate(Map<String, byte[]> files) {
        this.files = files;
    }

    public static RepositoryTemplate bundled() {
        return new RepositoryTemplate(BundledFiles.read(BundledFiles.TEMPLATE));
    }

    /** The files {@code write} would create, by path relative to the target, with their content. */
    public Map<String, byte[]> instantiate(String service, String namespace) {
        requireName("--service", service);
        requireName("--namespace", namespace);
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((path, content) -> out.put(substitute(path, service, namespace),
                substitute(new String(content, StandardCharsets.UTF_8), service, namespace)
                        .getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /**
     * Writes every file, or none: when any of them exists already, nothing is written and the
     * existing paths are returned, so a person's work is never overwritten.
     */
    public List<String> write(Path target, String service, String namespace) throws IOException {
        Map<String, byte[]> out = instantiate(service, namespace);
        List<String> existing = new ArrayList<>();
        for (String path : out.keySet()) {
            if (Files.exists(target.resolve(path))) {
                existing.add(path);
            }
        }
        if (!existing.isEmpty()) {
            return existing;
        }
        for (Map.Entry<String, byte[]> file : out.entrySet()) {
            Path path = target.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return List.of();
    }

    private static String substitute(String text, String service, String namespace) {
        return text.replace("__SERVICE__", service).replace("__NAMESPACE__", namespace);
    }

    private static void requireName(String option, String name) {
        if (name == null || !DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException(option + " must be a DNS label (lower-case letters, digits, '-'; "
                    + "at most 63), not '" + name + "'");
        }
    }
}
