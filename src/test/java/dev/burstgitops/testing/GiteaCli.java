package dev.burstgitops.testing;

import dev.burstgitops.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gitea's command line, for what a test Gitea needs before it serves: its database and its users. */
final class GiteaCli {

    private static final Pattern TOKEN_LINE = Pattern.compile("Access token was successfully created\\.\\.\\. (\\S+)");

    private GiteaCli() {
    }

    /** A user with a random password and an access token of every scope; returns the token. */
    static Secret createUser(Path binary, Path workDir, Path config, String name, boolean admin) {
        List<String> args = new ArrayList<>(List.of("admin", "user", "create", "--username", name,
                "--email", name + "@example.com", "--password", HexFormat.of().formatHex(new SecureRandom().generateSeed(12)),
                "--must-change-password=false", "--access-token", "--access-token-name", "tests",
                "--access-token-scopes", "all"));
        if (admin) {
            args.add("--admin");
        }
        String out = run(binary, workDir, config, args.toArray(String[]::new));
        Matcher token = TOKEN_LINE.matcher(out);
        if (!token.find()) {
            throw new IllegalStateException("gitea admin user create " + name + " printed no access token");
        }
        return Secret.of(token.group(1), "gitea user " + name);
    }

    /** Runs a gitea subcommand to its end; its output goes to a log file, not to the test's output. */
    static String run(Path binary, Path workDir, Path config, String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--config", config.toString(),
                "--work-path", workDir.toString()));
        command.addAll(List.of(args));
        Path log = workDir.resolve("gitea-" + args[0] + ".out");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("gitea " + args[0] + " did not finish in 120 s; see " + log);
            }
            String out = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("gitea " + String.join(" ", List.of(args).subList(0, Math.min(3, args.length)))
                        + " exited " + process.exitValue() + "; see " + log);
            }
            // The file held a token: only the caller keeps it.
            Files.delete(log);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
