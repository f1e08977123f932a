package dev.burstgitops.gitops;

import java.util.Objects;

/**
 * A commit message for people and machines: a one-line subject, a body a person can read, and a
 * trailer block ({@code Burst-Policy: worker}) that tools read back with
 * {@code git log --format=%(trailers)} or {@link Trailers#of}.
 */
public record CommitMessage(String subject, String body, Trailers trailers) {

    public CommitMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(trailers, "trailers");
        if (subject.isBlank() || subject.contains("\n")) {
            throw new IllegalArgumentException("commit subject must be one non-blank line");
        }
        body = body.strip();
    }

    public static CommitMessage of(String subject) {
        return new CommitMessage(subject, "", Trailers.none());
    }

    public CommitMessage withBody(String newBody) {
        return new CommitMessage(subject, newBody, trailers);
    }

    public CommitMessage withTrailer(String key, String value) {
        return new CommitMessage(subject, body, trailers.with(key, value));
    }

    /**
     * Subject, blank line, body, blank line, trailers. Git only reads the last paragraph as
     * trailers, so the blank line before the block is what makes them trailers.
     */
    public String format() {
        StringBuilder message = new StringBuilder(subject.strip()).append('\n');
        if (!body.isEmpty()) {
            message.append('\n').append(body).append('\n');
        }
        if (!trailers.isEmpty()) {
            message.append('\n');
            trailers.lines().forEach(trailer -> message.append(trailer).append('\n'));
        }
        return message.toString();
    }
}
