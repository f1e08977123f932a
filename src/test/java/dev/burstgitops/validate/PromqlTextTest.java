package dev.burstgitops.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromqlTextTest {

    @Test
    void findsTheDestinationReporterHoweverTheMatcherIsSpelt() {
        assertThat(PromqlText.selectsDestinationReporter("rate(istio_requests_total{reporter=\"destination\"}[1m])"))
                .isTrue();
        assertThat(PromqlText.selectsDestinationReporter("rate(istio_requests_total{reporter = 'destination'}[1m])"))
                .isTrue();
        assertThat(PromqlText.selectsDestinationReporter("rate(istio_requests_total{reporter=~\"destination\"}[1m])"))
                .isTrue();
    }

    @Test
    void aSourceReporterANegatedMatcherOrAnotherLabelIsNoDestinationReporter() {
        assertThat(PromqlText.selectsDestinationReporter("rate(istio_requests_total{reporter=\"source\"}[1m])"))
                .isFalse();
        assertThat(PromqlText.selectsDestinationReporter("rate(istio_requests_total{reporter!=\"destination\"}[1m])"))
                .isFalse();
        assertThat(PromqlText.selectsDestinationReporter("rate(x{source_reporter=\"destination\"}[1m])")).isFalse();
    }

    @Test
    void readsEveryRangeWindowIncludingMixedUnitsAndASubquerysRange() {
        assertThat(PromqlText.rangeWindows("sum(rate(a[15s])) / sum(rate(b[1m30s])) + max_over_time(rate(c[90s])[5m:30s])"))
                .containsExactly(
                        new PromqlText.RangeWindow("[15s]", Duration.ofSeconds(15)),
                        new PromqlText.RangeWindow("[1m30s]", Duration.ofSeconds(90)),
                        new PromqlText.RangeWindow("[90s]", Duration.ofSeconds(90)),
                        new PromqlText.RangeWindow("[5m]", Duration.ofMinutes(5)));
    }

    @Test
    void bracketsInsideStringsAndWindowsItCannotReadAreLeftAlone() {
        assertThat(PromqlText.rangeWindows("sum(rate(a{pod=~\"worker-[0-9]s\"}[$__rate_interval]))")).isEmpty();
        assertThat(PromqlText.rangeWindows("sum(rate(a{pod=~'[1s]'}[2m]))"))
                .containsExactly(new PromqlText.RangeWindow("[2m]", Duration.ofMinutes(2)));
    }

    @Test
    void readsPromqlDurationsWithWeeksAndYearsAndRefusesAnythingElse() {
        assertThat(PromqlText.duration("1w")).contains(Duration.ofDays(7));
        assertThat(PromqlText.duration("1y")).contains(Duration.ofDays(365));
        assertThat(PromqlText.duration("250ms")).contains(Duration.ofMillis(250));
        assertThat(PromqlText.duration("15")).isEmpty();
        assertThat(PromqlText.duration("1m30")).isEmpty();
        assertThat(PromqlText.duration("")).isEmpty();
    }
}
