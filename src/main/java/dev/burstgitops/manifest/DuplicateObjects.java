package dev.burstgitops.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds objects defined twice. Applying both would make the last one silently win, and which
 * one is last depends on file names; so it is a problem naming both places.
 */
final class DuplicateObjects {

    private DuplicateObjects() {
    }

    static List<RenderProblem> find(List<ManifestObject> objects) {
        Map<ObjectKey, ManifestObject> first = new HashMap<>();
        List<RenderProblem> problems = new ArrayList<>();
        for (ManifestObject object : objects) {
            ManifestObject earlier = first.putIfAbsent(object.key(), object);
            if (earlier != null) {
                problems.add(new RenderProblem(object.source(), object.key()
                        + " is defined twice: here and at " + earlier.source()));
            }
        }
        return problems;
    }
}
