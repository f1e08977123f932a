package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.sync.WriteRule.Step;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The write rule as a table: what the inventory says, what the live object says, what a pass sends. */
class WriteRuleTest {

    @ParameterizedTest(name = "last={0} git={1} live={2} previewed={3} write={4} -> {5} ({6})")
    @CsvSource({
            // last digest, Git's digest, live resourceVersion, previewed at it, apply mode, step, reason
            "d1@7, d1, 7,    false, true,  NOTHING, DRIFT",
            "d1@7, d1, 9,    true,  true,  NOTHING, DRIFT",
            "d1@7, d1, 9,    false, true,  PREVIEW, DRIFT",
            "d1@7, d2, 7,    false, true,  APPLY,   GIT",
            "d1@7, d2, 7,    false, false, PREVIEW, GIT",
            "d1@7, d2, 9,    false, true,  PREVIEW, GIT",
            "d1@7, d2, 9,    true,  true,  PREVIEW, GIT",
            "-,    d1, 9,    false, true,  PREVIEW, TAKEOVER",
            "-,    d1, -,    false, true,  CREATE,  GIT",
            "d1@7, d1, -,    false, true,  CREATE,  DRIFT",
            "d1@7, d2, -,    false, true,  CREATE,  GIT",
            "d1@,  d1, 7,    false, true,  PREVIEW, DRIFT",
    })
    void decidesFromTheInventoryAndTheResourceVersionAlone(String last, String digest, String live, boolean previewed,
                                                           boolean write, Step step, ApplyReason reason) {
        Optional<LastApply> applied = last.equals("-") ? Optional.empty()
                : Optional.of(new LastApply(last.substring(0, last.indexOf('@')), last.substring(last.indexOf('@') + 1),
                FieldSet.EMPTY));

        WriteRule.Judgement judgement = WriteRule.judge(applied, digest, live.equals("-") ? null : live, previewed, write);

        assertThat(judgement.step()).isEqualTo(step);
        assertThat(judgement.reason()).isEqualTo(reason);
    }
}
