package dev.burstgitops.gitops;

/** Commit ids as people read them. */
public final class Revisions {

    private Revisions() {
    }

    /** The first seven characters, as git prints them; "?" when there is none. */
    public static String shortId(String revision) {
        return revision == null ? "?" : revision.substring(0, Math.min(7, revision.length()));
    }
}
