package dev.burstgitops.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code sync} section: how often and how to sync, what prune may delete, and the limits. */
final class SyncSectionReader {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern UID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Map<String, SyncConfig.Prune> PRUNE = Map.of("true", SyncConfig.Prune.ON,
            "false", SyncConfig.Prune.OFF, "confirm", SyncConfig.Prune.CONFIRM);

    private SyncSectionReader() {
    }

    static SyncConfig read(YamlSection sync) {
        Duration interval = sync.duration("interval", Duration.ofSeconds(60));
        SyncConfig.Mode mode = sync.choice("mode", Map.of("apply", SyncConfig.Mode.APPLY,
                "detect", SyncConfig.Mode.DETECT), "apply");
        SyncConfig.Prune prune = prune(sync);
        String inventoryNamespace = sync.string("inventoryNamespace", "burst-gitops");
        SyncLimits limits = SyncLimits.read(sync.sectionOrEmpty("limits"));
        int maxFetchFailures = sync.integer("maxFetchFailures", SyncConfig.DEFAULT_MAX_FETCH_FAILURES);
        if (maxFetchFailures < 1) {
            sync.problem("maxFetchFailures", "must be at least 1");
        }
        List<ProtectedObject> protect = new ArrayList<>();
        for (YamlSection item : sync.sections("protect")) {
            protectedObject(item).ifPresent(protect::add);
        }
        List<String> leaveFieldsOf = sync.strings("leaveFieldsOf", List.of());
        Map<String, String> adoptCluster = sync.strings("adoptCluster");
        adoptCluster.forEach((cluster, uid) -> {
            if (!UID.matcher(uid).matches()) {
                sync.problem("adoptCluster", cluster + ": must be the cluster's identity, the UID of its kube-system"
                        + " Namespace (kubectl get namespace kube-system -o jsonpath='{.metadata.uid}'), not '" + uid + "'");
            }
        });
        // Off by default: an object someone made by hand before Git named it outlives its Git version.
        boolean pruneAdopted = sync.bool("pruneAdopted", false);
        sync.rejectUnknownKeys();
        return new SyncConfig(interval, mode, prune, inventoryNamespace, limits, Math.max(1, maxFetchFailures),
                protect, leaveFieldsOf, adoptCluster, pruneAdopted);
    }

    /** A YAML boolean, as before {@code confirm} existed, or {@code confirm}. */
    private static SyncConfig.Prune prune(YamlSection sync) {
        Optional<String> text = sync.optionalString("prune").map(t -> t.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return SyncConfig.Prune.ON;
        }
        SyncConfig.Prune prune = PRUNE.get(text.get());
        if (prune == null) {
            sync.problem("prune", "must be true, false or confirm, not '" + text.get() + "'");
            return SyncConfig.Prune.ON;
        }
        return prune;
    }

    private static Optional<ProtectedObject> protectedObject(YamlSection item) {
        String kind = item.string("kind");
        String name = item.string("name");
        String namespace = item.string("namespace", "");
        if (kind != null && !KIND.matcher(kind).matches()) {
            item.problem("kind", "must be a kind as manifests spell it (Deployment, ConfigMap), not '" + kind + "'");
            kind = null;
        }
        item.rejectUnknownKeys();
        return kind == null || name == null ? Optional.empty() : Optional.of(new ProtectedObject(kind, namespace, name));
    }
}
