package dev.burstgitops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleTest {

    private static final Instant AT = Instant.parse("2026-11-22T04:20:00Z");

    @Test
    void aFiniteValueFromAtLeastOneSeriesIsData() {
        assertThat(new Sample(0.0, AT, 1).hasData()).isTrue();
    }

    @Test
    void noDataHasNoSeriesAndNoValue() {
        Sample none = Sample.noData(AT);

        assertThat(none.hasData()).isFalse();
        assertThat(none.seriesCount()).isZero();
        assertThat(none.value()).isNaN();
        assertThat(none.evaluatedAt()).isEqualTo(AT);
    }

    @Test
    void infiniteValuesAreNoData() {
        assertThat(new Sample(Double.POSITIVE_INFINITY, AT, 1).hasData()).isFalse();
        assertThat(new Sample(Double.NEGATIVE_INFINITY, AT, 2).hasData()).isFalse();
    }

    @Test
    void aNegativeSeriesCountIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Sample(1.0, AT, -1));
    }
}
