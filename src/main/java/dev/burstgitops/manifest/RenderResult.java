package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * The desired objects of a cluster directory and everything wrong with it. Both are always
 * filled as far as possible: {@code validate} prints every problem, and the sync loop applies
 * nothing unless {@link #problems()} is empty.
 */
public record RenderResult(List<ManifestObject> objects, List<RenderProblem> problems) {

    public RenderResult {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    public static RenderResult empty() {
        return new RenderResult(List.of(), List.of());
    }

    public static RenderResult failed(RenderProblem problem) {
        return new RenderResult(List.of(), List.of(problem));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public RenderResult plus(RenderResult other) {
        return new RenderResult(concat(objects, other.objects), concat(problems, other.problems));
    }

    public RenderResult withObjects(List<ManifestObject> replaced) {
        return new RenderResult(replaced, problems);
    }

    public RenderResult withMoreProblems(List<RenderProblem> more) {
        return new RenderResult(objects, concat(problems, more));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
