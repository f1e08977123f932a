package dev.burstgitops.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The external engine: runs {@code kubectl kustomize <dir>} and parses what it prints. Output
 * and errors go to temporary files rather than pipes, so a chatty kustomize can never block
 * on a full pipe while we wait for it to exit.
 */
final class KubectlKustomize {

    private static final int MAX_STDERR_CHARS = 2000;

    private KubectlKustomize() {
    }

    static RenderResult render(RepositoryPaths paths, Path clusterDirectory, RenderOptions options) {
        String directory = paths.relative(clusterDirectory);
        SourceLocation kustomization = SourceLocation.of(directory + "/" + kustomizationName(clusterDirectory));
        if (!options.allowRemoteResources()) {
            List<RenderProblem> remote = RemoteResources.find(paths, clusterDirectory);
            if (!remote.isEmpty()) {
                return new RenderResult(List.of(), remote);
            }
        }
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("kustomize-", ".out");
            stderr = Files.createTempFile("kustomize-", ".err");
            Process process = new ProcessBuilder(options.kubectl(), "kustomize", clusterDirectory.toString())
                    .directory(paths.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(options.kustomizeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return RenderResult.failed(new RenderProblem(kustomization,
                        "kubectl kustomize did not finish within " + options.kustomizeTimeout().toMillis() + " ms"));
            }
            if (process.exitValue() != 0) {
                return RenderResult.failed(new RenderProblem(kustomization, "kubectl kustomize failed (exit "
                        + process.exitValue() + "): " + abbreviate(Files.readString(stderr, StandardCharsets.UTF_8))));
            }
            String output = Files.readString(stdout, StandardCharsets.UTF_8);
            return locateInOutput(new ManifestLoader(options.limits()).parse(output, kustomization.file() + " (kustomize output)"),
                    kustomization.file());
        } catch (IOException e) {
            return RenderResult.failed(new RenderProblem(kustomization, "cannot run " + options.kubectl() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RenderResult.failed(new RenderProblem(kustomization, "interrupted while kubectl kustomize ran"));
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /**
     * The output has no file names of its own; an object is located by its document number
     * and line in the output of {@code kubectl kustomize <dir>}, which a person can rerun.
     */
    private static RenderResult locateInOutput(RenderResult parsed, String kustomizationFile) {
        List<ManifestObject> located = new ArrayList<>();
        for (int index = 0; index < parsed.objects().size(); index++) {
            ManifestObject object = parsed.objects().get(index);
            String where = kustomizationFile + " (kustomize output, document " + (index + 1) + ")";
            located.add(new ManifestObject(object.content(), new SourceLocation(where, object.source().line())));
        }
        return new RenderResult(located, parsed.problems());
    }

    private static String kustomizationName(Path directory) {
        return KustomizationFiles.NAMES.stream().filter(name -> Files.isRegularFile(directory.resolve(name)))
                .findFirst().orElse(KustomizationFiles.NAMES.get(0));
    }

    private static String abbreviate(String stderr) {
        String trimmed = stderr.strip();
        return trimmed.length() <= MAX_STDERR_CHARS ? trimmed : trimmed.substring(0, MAX_STDERR_CHARS) + " …";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file is harmless; the render result is what matters.
            }
        }
    }
}
