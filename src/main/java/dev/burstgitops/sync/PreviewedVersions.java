package dev.burstgitops.sync;

import dev.burstgitops.manifest.ObjectKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects a dry run showed to be as Git wants them, at which resourceVersion and for which
 * configuration, so that an object someone else wrote once (a controller updating its status, a
 * person's harmless label) costs one dry run, not one per pass. Kept in memory by the applier
 * across passes; after a restart each such object is previewed once more.
 */
final class PreviewedVersions {

    private final Map<ObjectKey, String> versions = new ConcurrentHashMap<>();

    boolean contains(ObjectKey key, String digest, String resourceVersion) {
        return (digest + "@" + resourceVersion).equals(versions.get(key));
    }

    void remember(ObjectKey key, String digest, String resourceVersion) {
        versions.put(key, digest + "@" + resourceVersion);
    }

    void forget(ObjectKey key) {
        versions.remove(key);
    }
}
