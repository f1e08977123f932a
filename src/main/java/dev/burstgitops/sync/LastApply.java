package dev.burstgitops.sync;

import java.util.Objects;

/**
 * What this controller last applied to one object, as the inventory keeps it: the fingerprint of
 * the configuration ({@link ConfigurationDigest}), the {@code resourceVersion} the server gave the
 * object at that write, and the fields the write owned. The first tells whether Git changed, the
 * second whether anyone wrote the object since, the third which fields to take back from a person
 * who edited one that Git has since dropped.
 */
record LastApply(String digest, String resourceVersion, FieldSet fields) {

    LastApply {
        Objects.requireNonNull(digest, "digest");
        resourceVersion = resourceVersion == null ? "" : resourceVersion;
        fields = fields == null ? FieldSet.EMPTY : fields;
    }

    /** Whether the live object is still the one this write left: nobody wrote it since. */
    boolean untouchedAt(String liveResourceVersion) {
        return !resourceVersion.isEmpty() && resourceVersion.equals(liveResourceVersion);
    }
}
