package dev.burstgitops.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Namespaces first (everything else lives in them), then CustomResourceDefinitions (custom
 * objects need their kind served), then the rest in repository order. Pruning goes the other way,
 * so a namespace or a CRD is deleted only after what it holds.
 */
final class ApplyOrder {

    private ApplyOrder() {
    }

    static int rank(String kind) {
        return switch (kind) {
            case "Namespace" -> 0;
            case "CustomResourceDefinition" -> 1;
            default -> 2;
        };
    }

    /** A stable sort: objects of the same rank keep their order. */
    static <T> List<T> forApply(List<T> items, Function<T, String> kind) {
        return items.stream().sorted(Comparator.comparingInt(item -> rank(kind.apply(item)))).toList();
    }

    /** The items in apply order, in steps of one rank each (empty steps left out): each step may be applied concurrently. */
    static <T> List<List<T>> steps(List<T> items, Function<T, String> kind) {
        List<List<T>> steps = new ArrayList<>();
        for (int rank = 0; rank <= 2; rank++) {
            int wanted = rank;
            List<T> step = items.stream().filter(item -> rank(kind.apply(item)) == wanted).toList();
            if (!step.isEmpty()) {
                steps.add(step);
            }
        }
        return steps;
    }

    static <T> List<T> forPrune(List<T> items, Function<T, String> kind) {
        return items.stream().sorted(Comparator.comparingInt((T item) -> rank(kind.apply(item))).reversed()).toList();
    }
}
