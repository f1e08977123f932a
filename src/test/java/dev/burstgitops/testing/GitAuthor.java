package dev.burstgitops.testing;

import java.time.Instant;
import java.util.Map;

/** A person committing with the git command line in a test. */
public record GitAuthor(String name, String email) {

    public static final GitAuthor ALICE = new GitAuthor("Alice Operator", "alice@example.com");

    /** Author and committer as environment variables, both dated {@code when}. */
    Map<String, String> environment(Instant when) {
        String date = "@" + when.getEpochSecond() + " +0000";
        return Map.of(
                "GIT_AUTHOR_NAME", name, "GIT_AUTHOR_EMAIL", email, "GIT_AUTHOR_DATE", date,
                "GIT_COMMITTER_NAME", name, "GIT_COMMITTER_EMAIL", email, "GIT_COMMITTER_DATE", date);
    }
}
