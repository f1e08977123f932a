package dev.burstgitops.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a directory with the real {@code kubectl kustomize}, the independent second renderer. */
final class Kustomize {
    private Kustomize() {
    }

    static List<Manifest> render(Path directory) {
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", directory.toString());
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + directory + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed (exit " + process.exitValue()
                        + "):\n" + stderr.join());
            }
            return Manifest.loadAll(stdout.join(), "kubectl kustomize " + directory);
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl (is it on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running kubectl kustomize " + directory, e);
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
