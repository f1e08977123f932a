package dev.burstgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogFormatOptionTest {

    private final PrintStream originalErr = System.err;

    @AfterEach
    void restoreTheTestLogging() throws Exception {
        System.setErr(originalErr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonWritesOneFlatObjectPerLineWithTheFormattedMessageTheContextAndTheError() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogFormatOption option = new LogFormatOption();
        option.format = LogFormatOption.Format.JSON;

        option.apply();
        MDC.put("policy", "worker");
        try {
            LoggerFactory.getLogger("dev.burstgitops.controller.BurstScheduler").info("{}: burst at {} req/s", "worker",
                    20, new IllegalStateException("for the stack trace"));
        } finally {
            MDC.remove("policy");
        }

        String line = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.contains("burst at 20")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("worker: burst at 20 req/s");
        assertThat(json.get("logger").asText()).endsWith("BurstScheduler");
        assertThat(json.get("policy").asText()).isEqualTo("worker");
        assertThat(json.get("error").asText()).startsWith("java.lang.IllegalStateException: for the stack trace")
                .contains("at dev.burstgitops.cli.LogFormatOptionTest");
        assertThat(java.time.Instant.parse(json.get("time").asText())).isNotNull();
    }
}
