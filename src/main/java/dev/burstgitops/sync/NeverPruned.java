package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;
import java.util.Set;

/**
 * Objects prune never deletes, whatever Git says, and keeps in the inventory so that they are
 * not forgotten: those named in {@code sync.protect}, and the controller's own
 * ({@link ControllerObjects}).
 */
final class NeverPruned {

    private final Set<NamedObject> named;
    private final ControllerObjects controller;

    NeverPruned(Set<NamedObject> named, ControllerObjects controller) {
        this.named = Set.copyOf(named);
        this.controller = controller;
    }

    /** Why the object of {@code entry}, read as {@code live}, is never pruned; empty when it may be. */
    Optional<String> why(InventoryEntry entry, GenericKubernetesResource live) {
        Optional<NamedObject> protectedByName = named.stream().filter(object -> object.names(entry.key())).findFirst();
        if (protectedByName.isPresent()) {
            return Optional.of(protectedByName.get() + " is named in sync.protect and never pruned");
        }
        return controller.whyOwn(entry, live);
    }
}
