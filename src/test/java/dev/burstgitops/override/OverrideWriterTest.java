package dev.burstgitops.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.burstgitops.decision.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverrideWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-27T06:00:00Z");

    private final OverrideWriter writer = new OverrideWriter(Duration.ofDays(7));
    private final OverrideReader reader = new OverrideReader(Duration.ofDays(7));

    @TempDir
    Path repository;

    @Test
    void writesTheFileAsAPersonWouldWithTheReasonDoubleQuoted() {
        assertThat(writer.text("worker", "burst", UNTIL, "Black Friday — keep burst capacity on", NOW)).isEqualTo("""
                policy: worker
                mode: burst
                until: 2026-11-27T06:00:00Z
                reason: "Black Friday — keep burst capacity on"
                """);
    }

    @Test
    void aReasonWithAColonAHashQuotesAndNewlinesReadsBackAsTheSameOneLine() {
        String reason = "upgrade: \"burst\" #42 \\ on 'Friday'\nsecond line";

        String text = writer.text("worker", "natural", UNTIL, reason, NOW);

        assertThat(text.lines()).hasSize(4);
        assertThat(reader.check(text, "overrides/worker.yaml", "worker", NOW))
                .isInstanceOfSatisfying(OverrideLookup.InForce.class, inForce -> {
                    assertThat(inForce.override().reason()).isEqualTo("upgrade: \"burst\" #42 \\ on 'Friday' second line");
                    assertThat(inForce.override().mode()).contains(Mode.NATURAL);
                    assertThat(inForce.override().until()).isEqualTo(UNTIL);
                });
    }

    @Test
    void aLongReasonStaysOnItsLine() {
        String reason = "a reason long enough to be folded by a YAML writer that wraps at eighty columns, as"
                + " SnakeYAML does unless told not to";

        assertThat(writer.text("worker", "suspend", UNTIL, reason, NOW).lines()).hasSize(4);
    }

    @Test
    void refusesAnOverrideTheControllerWouldNotAccept() {
        assertThatThrownBy(() -> writer.text("worker", "sideways", UNTIL, "no", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("natural, burst or suspend");
        assertThatThrownBy(() -> writer.text("worker", "burst", NOW.plus(Duration.ofDays(8)), "too long", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOverrideDuration");
        assertThatThrownBy(() -> writer.text("worker", "burst", NOW, "over", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the future");
    }

    @Test
    void writesAndRemovesTheFileBelowTheTree() throws Exception {
        String file = OverrideWriter.write(repository, "worker", writer.text("worker", "burst", UNTIL, "x", NOW));

        assertThat(file).isEqualTo("overrides/worker.yaml");
        assertThat(Files.readString(repository.resolve(file))).contains("mode: burst");
        assertThat(OverrideWriter.remove(repository, "worker")).isTrue();
        assertThat(OverrideWriter.remove(repository, "worker")).isFalse();
    }
}
