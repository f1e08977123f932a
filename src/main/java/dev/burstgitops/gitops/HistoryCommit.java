package dev.burstgitops.gitops;

import java.time.Instant;
import java.util.Objects;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A commit as the timeline shows it. {@code time} is the committer time: when the change was
 * recorded on the branch, which for the controller's own commits is its clock's decision time.
 */
public record HistoryCommit(
        String id, String shortId, Instant time, String authorName, String authorEmail, String subject,
        Trailers trailers) {

    public HistoryCommit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortId, "shortId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(trailers, "trailers");
    }

    static HistoryCommit of(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new HistoryCommit(
                commit.name(),
                commit.abbreviate(7).name(),
                commit.getCommitterIdent().getWhenAsInstant(),
                author.getName(),
                author.getEmailAddress(),
                commit.getShortMessage(),
                Trailers.of(commit));
    }
}
