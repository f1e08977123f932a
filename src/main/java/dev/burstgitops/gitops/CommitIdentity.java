package dev.burstgitops.gitops;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.eclipse.jgit.lib.PersonIdent;

/** Who the controller's commits are by: author and committer alike. */
public record CommitIdentity(String name, String email) {

    public CommitIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        if (name.isBlank() || email.isBlank()) {
            throw new IllegalArgumentException("commit identity needs a name and an email");
        }
    }

    /**
     * An explicit ident at the given time: JGit's no-time constructors read the machine's git
     * config and clock, which would make commits depend on where the controller runs.
     */
    PersonIdent at(Instant when, ZoneId zone) {
        return new PersonIdent(name, email, when, zone);
    }
}
