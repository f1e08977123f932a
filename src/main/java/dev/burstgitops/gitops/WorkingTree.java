package dev.burstgitops.gitops;

import java.nio.file.Path;

/** The freshly refreshed working copy a change is made in, and the commit it stands on. */
public record WorkingTree(Path directory, String head) {
}
