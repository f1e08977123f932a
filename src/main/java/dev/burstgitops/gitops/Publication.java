package dev.burstgitops.gitops;

import java.util.Objects;

/**
 * How a publish ended, with the outcome of the attempt it ended on: after a rejected push that
 * is the attempt on the newest head, the one the result is about.
 */
public record Publication<T>(PublishResult result, T outcome) {

    public Publication {
        Objects.requireNonNull(result, "result");
    }
}
