package dev.burstgitops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies in src/test/resources/metrics were captured from Prometheus 2.42 or follow its format. */
class PrometheusResponseParserTest {

    private static final Instant QUERIED_AT = Instant.parse("2026-11-22T04:20:00Z");
    private static final Instant EVALUATED_AT = Instant.ofEpochMilli(1_795_321_241_169L);

    @Test
    void readsOneSeriesWithItsTimestamp() {
        Sample sample = answered("vector-one-series.json");

        assertThat(sample).isEqualTo(new Sample(20.25, EVALUATED_AT, 1));
        assertThat(sample.hasData()).isTrue();
    }

    @Test
    void sumsSeveralSeriesAndKeepsTheirCount() {
        assertThat(answered("vector-two-series.json")).isEqualTo(new Sample(20.0, EVALUATED_AT, 2));
    }

    @Test
    void anEmptyVectorIsNoDataStampedWithTheQueryTime() {
        Sample sample = answered("vector-empty.json");

        assertThat(sample).isEqualTo(Sample.noData(QUERIED_AT));
        assertThat(sample.hasData()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vector-nan.json", "vector-positive-infinity.json"})
    void aValueThatIsNotFiniteIsUnusableNotNoData(String file) {
        assertThat(PrometheusResponseParser.parse(resource(file), QUERIED_AT))
                .isInstanceOfSatisfying(PrometheusResponse.Unusable.class, unusable -> assertThat(unusable.reason())
                        .startsWith("the result ").containsPattern("is (NaN|\\+Inf)").endsWith("the mode holds"));
    }

    @Test
    void oneNanSeriesAmongSeveralMakesTheWholeAnswerUnusableAndIsNamed() {
        String body = """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"shard":"a"},"value":[1795321241.169,"6"]},
                  {"metric":{"shard":"b"},"value":[1795321241.169,"NaN"]}]}}""";

        assertThat(PrometheusResponseParser.parse(body, QUERIED_AT)).isEqualTo(new PrometheusResponse.Unusable(
                "series 2 of 2 {shard=\"b\"} is NaN (a ratio over a counter at rest?); no rate is read from it,"
                        + " and the mode holds"));
    }

    @Test
    void aNegativeValueIsNeverARate() {
        String body = """
                {"status":"success","data":{"resultType":"scalar","result":[1795321241.169,"-3.5"]}}""";

        assertThat(PrometheusResponseParser.parse(body, QUERIED_AT)).isInstanceOfSatisfying(
                PrometheusResponse.Unusable.class, unusable -> assertThat(unusable.reason())
                        .startsWith("the result is negative (-3.5)"));
    }

    @Test
    void aScalarCountsAsOneSeries() {
        assertThat(answered("scalar.json"))
                .isEqualTo(new Sample(3.5, Instant.ofEpochMilli(1_795_321_241_182L), 1));
    }

    @Test
    void anErrorStatusKeepsPrometheusTypeAndMessage() {
        assertThat(PrometheusResponseParser.parse(resource("error-bad-data.json"), QUERIED_AT))
                .isEqualTo(new PrometheusResponse.ApiError("bad_data",
                        "invalid parameter \"query\": 1:60: parse error: unclosed left parenthesis"));
    }

    @Test
    void truncatedJsonIsMalformedAndKeepsTheParserError() {
        PrometheusResponse.Malformed malformed = malformed("malformed.json");

        assertThat(malformed.reason()).startsWith("not JSON: ");
        assertThat(malformed.cause()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrix", "string"})
    void aResultThatIsNotAnInstantVectorIsMalformed(String resultType) {
        assertThat(malformed(resultType + ".json").reason())
                .isEqualTo("expected an instant vector, got a " + resultType + " result");
    }

    @Test
    void aValueThatIsNotATimestampValuePairIsMalformed() {
        assertThat(malformed("vector-value-not-a-pair.json").reason())
                .isEqualTo("expected a [timestamp, \"value\"] pair, got \"20\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Unauthorized\n", "{}", "{\"status\":\"pending\"}", "[]"})
    void aBodyThatIsNotAPrometheusAnswerIsMalformed(String body) {
        assertThat(PrometheusResponseParser.parse(body, QUERIED_AT))
                .isInstanceOf(PrometheusResponse.Malformed.class);
    }

    @Test
    void aSampleValueThatIsNotANumberIsMalformed() {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"many\"]}}";

        assertThat(PrometheusResponseParser.parse(body, QUERIED_AT))
                .isEqualTo(new PrometheusResponse.Malformed("sample value \"many\" is not a number", null));
    }

    private static Sample answered(String file) {
        PrometheusResponse response = PrometheusResponseParser.parse(resource(file), QUERIED_AT);
        assertThat(response).isInstanceOf(PrometheusResponse.Answered.class);
        return ((PrometheusResponse.Answered) response).sample();
    }

    private static PrometheusResponse.Malformed malformed(String file) {
        PrometheusResponse response = PrometheusResponseParser.parse(resource(file), QUERIED_AT);
        assertThat(response).isInstanceOf(PrometheusResponse.Malformed.class);
        return (PrometheusResponse.Malformed) response;
    }

    private static String resource(String file) {
        try (InputStream in = PrometheusResponseParserTest.class.getResourceAsStream("/metrics/" + file)) {
            assertThat(in).as("test resource metrics/%s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
