package dev.burstgitops.controller;

/** Commit ids as people read them. */
final class Revisions {

    private Revisions() {
    }

    static String shortId(String revision) {
        return revision == null ? "?" : revision.substring(0, Math.min(7, revision.length()));
    }
}
