package dev.burstgitops.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem of one configuration file, each tied to a key path and a line. */
final class ConfigProblems {

    private final String file;
    private final List<String> problems = new ArrayList<>();

    ConfigProblems(String file) {
        this.file = file;
    }

    void add(Node at, String keyPath, String message) {
        String where = at == null ? file : file + ":" + (at.getStartMark().getLine() + 1);
        problems.add(where + ": " + keyPath + ": " + message);
    }

    void addAtFile(String message) {
        problems.add(file + ": " + message);
    }

    void throwIfAny() throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
