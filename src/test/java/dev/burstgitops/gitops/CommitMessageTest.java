package dev.burstgitops.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.burstgitops.testing.GitCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitMessageTest {

    private static final CommitMessage DECISION = CommitMessage.of("burst(worker): natural -> burst at 17.2 req/s (enterAbove 15)")
            .withBody("The request rate from frontend to worker held above 15 req/s.\nTraffic moves to the burst cluster.")
            .withTrailer("Burst-Policy", "worker")
            .withTrailer("Burst-Decision", "burst")
            .withTrailer("Burst-Observed", "17.2");

    @TempDir
    Path tmp;

    @Test
    void formatsSubjectBodyAndTrailersWithABlankLineBeforeTheTrailerBlock() {
        assertThat(DECISION.format()).isEqualTo("""
                burst(worker): natural -> burst at 17.2 req/s (enterAbove 15)

                The request rate from frontend to worker held above 15 req/s.
                Traffic moves to the burst cluster.

                Burst-Policy: worker
                Burst-Decision: burst
                Burst-Observed: 17.2
                """);
    }

    @Test
    void aMessageWithoutBodyOrTrailersIsJustItsSubjectLine() {
        assertThat(CommitMessage.of("docs: fix a typo").format()).isEqualTo("docs: fix a typo\n");
        assertThat(CommitMessage.of("override(worker): expired").withTrailer("Burst-Policy", "worker").format())
                .isEqualTo("override(worker): expired\n\nBurst-Policy: worker\n");
    }

    @Test
    void jgitReadsTheTrailersBackInOrder() {
        RevCommit commit = RevCommit.parse(("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
                + "author a <a@example.com> 0 +0000\ncommitter a <a@example.com> 0 +0000\n\n"
                + DECISION.format()).getBytes(StandardCharsets.UTF_8));

        assertThat(Trailers.of(commit)).isEqualTo(DECISION.trailers());
    }

    @Test
    void cGitReadsTheSameTrailers() throws Exception {
        Path message = Files.writeString(tmp.resolve("message.txt"), DECISION.format());

        assertThat(GitCli.run(tmp, "interpret-trailers", "--parse", message.toString()).lines())
                .containsExactly("Burst-Policy: worker", "Burst-Decision: burst", "Burst-Observed: 17.2");
    }

    @Test
    void repeatedKeysKeepTheirOrderAndGroupUnderTheFirstSpelling() {
        Trailers trailers = Trailers.none()
                .with("Co-authored-by", "Alice <alice@example.com>")
                .with("Burst-Policy", "worker")
                .with("co-authored-by", "Bob <bob@example.com>");

        assertThat(trailers.values("CO-AUTHORED-BY")).containsExactly("Alice <alice@example.com>", "Bob <bob@example.com>");
        assertThat(trailers.asMap()).containsExactly(
                Map.entry("Co-authored-by", List.of("Alice <alice@example.com>", "Bob <bob@example.com>")),
                Map.entry("Burst-Policy", List.of("worker")));
    }

    @Test
    void refusesWhatGitWouldNotReadBackAsATrailer() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Trailer("Burst Policy", "worker"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Trailer("Burst-Policy:", "worker"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Trailer("Burst-Policy", "two\nlines"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Trailer("Burst-Policy", " "));
        assertThatIllegalArgumentException().isThrownBy(() -> CommitMessage.of("two\nlines"));
    }
}
