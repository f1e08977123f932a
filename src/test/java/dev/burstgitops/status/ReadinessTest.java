package dev.burstgitops.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadinessTest {

    private final Readiness readiness = new Readiness("config loaded", "first fetch", "first sync pass");

    @Test
    void isNotReadyUntilEveryConditionIsDoneAndListsThePendingInOrder() {
        readiness.done("config loaded");

        ReadinessReport report = readiness.check();

        assertThat(report.ready()).isFalse();
        assertThat(report.pending()).containsExactly("first fetch", "first sync pass");
        assertThat(report.done()).containsExactly("config loaded");
    }

    @Test
    void isReadyOnceAllAreDoneAndStaysSoWhenAConditionIsRequiredAgain() {
        readiness.done("config loaded");
        readiness.done("first fetch");
        readiness.done("first sync pass");
        readiness.require("first fetch");

        assertThat(readiness.check().ready()).isTrue();
    }

    @Test
    void aConditionAddedLaterMustBeDoneToo() {
        readiness.done("config loaded");
        readiness.done("first fetch");
        readiness.done("first sync pass");

        readiness.require("first burst pass");

        assertThat(readiness.check().pending()).containsExactly("first burst pass");
    }

    @Test
    void markingAConditionThatWasNeverRequiredIsAnError() {
        assertThatThrownBy(() -> readiness.done("first fecth"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first fecth");
    }
}
