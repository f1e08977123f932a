package dev.burstgitops.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** {@code run} as a real process on this test JVM's classpath: a replica a test can stop, freeze or kill. */
final class RunReplicas {

    private RunReplicas() {
    }

    /** Starts {@code run --config config} as replica {@code name}, its output in {@code <dir>/<name>.log}. */
    static Process start(Path config, Path dir, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .directory(new File(System.getProperty("user.dir")));
        builder.environment().put("HOSTNAME", "replica-" + name);
        return builder.start();
    }
}
