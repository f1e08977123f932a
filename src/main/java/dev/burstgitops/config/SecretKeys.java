package dev.burstgitops.config;

import java.util.Optional;

/**
 * Reads the {@code <name>File} / {@code <name>Env} pair that names where a secret lives. An
 * inline {@code <name>} is left unread on purpose, so that it is reported as an unknown key
 * with the hint to use a file or an environment variable.
 */
final class SecretKeys {

    private SecretKeys() {
    }

    static Optional<SecretRef> optional(YamlSection section, String name) {
        Optional<String> file = section.optionalString(name + "File");
        Optional<String> env = section.optionalString(name + "Env");
        if (file.isPresent() && env.isPresent()) {
            section.problem(name + "Env", "name either " + name + "File or " + name + "Env, not both");
        }
        if (file.isPresent()) {
            return Optional.of(SecretRef.file(section.keyPath(name + "File"), section.path(name + "File", null)));
        }
        return env.map(variable -> SecretRef.env(section.keyPath(name + "Env"), variable));
    }
}
