package dev.burstgitops.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile's instructions by stage, continuation lines joined and comments dropped: enough
 * to check what each stage copies and runs without a Docker daemon.
 */
final class Dockerfile {

    /** One instruction: its keyword in capitals and the rest of it, as written. */
    record Instruction(String keyword, String arguments) {
    }

    /** One {@code FROM ... [AS name]} and what follows it up to the next {@code FROM}. */
    record Stage(String image, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        /** The default of {@code ARG name=value} in this stage. */
        Optional<String> argDefault(String name) {
            return all("ARG").stream().map(Instruction::arguments).filter(a -> a.startsWith(name + "="))
                    .map(a -> a.substring(name.length() + 1)).findFirst();
        }

        /** Index of the first instruction with {@code keyword} whose arguments contain {@code text}, or -1. */
        int indexOf(String keyword, String text) {
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i).keyword().equals(keyword) && instructions.get(i).arguments().contains(text)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final List<Stage> stages = new ArrayList<>();

    Dockerfile(String text) {
        List<Instruction> current = null;
        StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.stripTrailing();
            if (pending.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(line).toString().strip();
            pending.setLength(0);
            String[] parts = whole.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(java.util.Locale.ROOT),
                    parts.length > 1 ? parts[1].strip() : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().split("\\s+");
                current = new ArrayList<>();
                stages.add(new Stage(from[0], from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "",
                        current));
            } else if (current != null) {
                current.add(instruction);
            }
        }
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + name + " in the Dockerfile"));
    }

    /** The stage the image is made of: the last one. */
    Stage runtime() {
        return stages.get(stages.size() - 1);
    }
}
