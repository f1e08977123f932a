package dev.burstgitops.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "15s,PT15S", "2m,PT2M", "1h,PT1H", "7d,PT168H", "1h30m,PT1H30M", "0s,PT0S"})
    void readsTheDurationsOfTheConfigFile(String text, Duration expected) {
        assertThat(DurationText.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "15s", "2m", "1h", "7d", "1h30m", "0s", "1m30s"})
    void printsWhatItReads(String text) {
        assertThat(DurationText.format(DurationText.parse(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "15 s", "s", "1.5h", "-1s", "15sec", "1h 30m"})
    void rejectsAnythingElseAndSaysWhatItTakes(String text) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write it like 500ms, 15s, 2m, 1h or 7d");
    }
}
