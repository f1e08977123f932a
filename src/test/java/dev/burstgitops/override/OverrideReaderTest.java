package dev.burstgitops.override;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.decision.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverrideReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final String BLACK_FRIDAY = """
            policy: worker
            mode: burst                    # burst | natural
            until: 2026-11-27T06:00:00Z
            reason: Black Friday — keep burst capacity on
            """;

    private final OverrideReader reader = new OverrideReader(Duration.ofDays(7));

    @TempDir
    Path repository;

    @Test
    void anOverrideBeforeItsUntilIsInForce() {
        OverrideLookup lookup = reader.check(BLACK_FRIDAY, "overrides/worker.yaml", "worker", NOW);

        assertThat(lookup).isInstanceOfSatisfying(OverrideLookup.InForce.class, inForce -> {
            assertThat(inForce.override().mode()).contains(Mode.BURST);
            assertThat(inForce.override().until()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
            assertThat(inForce.override().asHold().orElseThrow().source()).isEqualTo("overrides/worker.yaml");
            assertThat(inForce.override().asSuspension()).isEmpty();
            assertThat(inForce.override().reason()).isEqualTo("Black Friday — keep burst capacity on");
        });
    }

    @Test
    void modeSuspendIsASuspensionNotAHold() {
        OverrideLookup lookup = reader.check(BLACK_FRIDAY.replace("mode: burst", "mode: suspend"),
                "overrides/worker.yaml", "worker", NOW);

        assertThat(lookup).isInstanceOfSatisfying(OverrideLookup.InForce.class, inForce -> {
            assertThat(inForce.override().suspends()).isTrue();
            assertThat(inForce.override().asHold()).isEmpty();
            assertThat(inForce.override().asSuspension()).hasValueSatisfying(suspension -> {
                assertThat(suspension.until()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
                assertThat(suspension.source()).isEqualTo("overrides/worker.yaml");
            });
        });
    }

    @Test
    void anOverrideExpiresAtItsUntil() {
        assertThat(reader.check(BLACK_FRIDAY, "overrides/worker.yaml", "worker", Instant.parse("2026-11-27T06:00:00Z")))
                .isInstanceOf(OverrideLookup.Expired.class);
    }

    @Test
    void untilIsRequiredSoThatEveryOverrideEndsOnItsOwn() {
        String text = BLACK_FRIDAY.replace("until: 2026-11-27T06:00:00Z\n", "");

        assertThat(reader.check(text, "overrides/worker.yaml", "worker", NOW))
                .isEqualTo(new OverrideLookup.Invalid("overrides/worker.yaml",
                        java.util.List.of("overrides/worker.yaml: until is required")));
    }

    @Test
    void untilFurtherAheadThanTheMaximumIsRefused() {
        String text = BLACK_FRIDAY.replace("2026-11-27T06:00:00Z", "2026-12-24T06:00:00+01:00");

        assertThat(reader.check(text, "overrides/worker.yaml", "worker", NOW))
                .isInstanceOfSatisfying(OverrideLookup.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsExactly("overrides/worker.yaml:3: until 2026-12-24T05:00:00Z is more than "
                                + "maxOverrideDuration (7d) ahead"));
    }

    @Test
    void everyProblemOfAnInvalidFileIsNamedWithItsLine() {
        String text = """
                policy: frontend
                mode: half
                until: tomorrow
                reason: test
                colour: red
                """;

        assertThat(reader.check(text, "overrides/worker.yaml", "worker", NOW))
                .isInstanceOfSatisfying(OverrideLookup.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(
                                "overrides/worker.yaml:5: unknown key 'colour' (policy, mode, until, reason)"));
        assertThat(reader.check(text.replace("colour: red\n", ""), "overrides/worker.yaml", "worker", NOW))
                .isInstanceOfSatisfying(OverrideLookup.Invalid.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(
                                "overrides/worker.yaml:1: policy 'frontend' does not match the file name "
                                        + "(overrides/worker.yaml)",
                                "overrides/worker.yaml:2: mode must be natural, burst or suspend, not 'half'",
                                "overrides/worker.yaml:3: until must be an RFC 3339 time such as "
                                        + "2026-11-27T06:00:00Z, not 'tomorrow'"));
    }

    @Test
    void brokenYamlIsInvalidWithItsLine() {
        assertThat(reader.check("policy: worker\nmode: [burst\n", "overrides/worker.yaml", "worker", NOW))
                .isInstanceOfSatisfying(OverrideLookup.Invalid.class, invalid ->
                        assertThat(invalid.problems().get(0)).startsWith("overrides/worker.yaml:3: not valid YAML"));
    }

    @Test
    void looksTheFileUpByPolicyInTheRepository() throws Exception {
        assertThat(reader.lookup(repository, "worker", NOW)).isInstanceOf(OverrideLookup.Absent.class);
        Files.createDirectories(repository.resolve("overrides"));
        Files.writeString(repository.resolve("overrides/worker.yaml"), BLACK_FRIDAY);

        assertThat(reader.lookup(repository, "worker", NOW)).isInstanceOf(OverrideLookup.InForce.class);
        assertThat(reader.lookup(repository, "frontend", NOW)).isInstanceOf(OverrideLookup.Absent.class);
    }
}
