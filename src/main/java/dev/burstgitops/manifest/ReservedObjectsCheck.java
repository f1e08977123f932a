package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.List;

/** Refuses, at the object, every rendered object that is one the controller keeps for itself. */
final class ReservedObjectsCheck {

    private ReservedObjectsCheck() {
    }

    /** Runs after namespaces are made explicit, so that an object without one is compared where it would land. */
    static List<RenderProblem> check(List<ManifestObject> objects, List<ReservedObject> reserved) {
        List<RenderProblem> problems = new ArrayList<>();
        for (ManifestObject object : objects) {
            for (ReservedObject candidate : reserved) {
                if (candidate.matches(object.key())) {
                    problems.add(new RenderProblem(object.source(), object.key() + " is " + candidate.role()
                            + "; it cannot be declared in Git"));
                }
            }
        }
        return problems;
    }
}
