package dev.burstgitops.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The real {@code promtool check metrics}, the parser Prometheus itself uses, on a scraped body. */
final class PromtoolCheck {

    static final String PROMTOOL = "/usr/bin/promtool";

    private PromtoolCheck() {
    }

    /** @param exitCode 0 clean, 1 unparseable, 3 parsed with lint problems */
    record Result(int exitCode, String output) {
    }

    static Result checkMetrics(String exposition) {
        try {
            Process process = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool did not finish within 30 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
