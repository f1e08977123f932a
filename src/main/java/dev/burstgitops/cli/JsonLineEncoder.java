package dev.burstgitops.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --log-format json}: one flat JSON object per line, the shape log pipelines index
 * without a parsing rule — {@code time}, {@code level}, {@code logger}, {@code message} with its
 * arguments filled in, then the context a line was logged in ({@code policy}, {@code cluster},
 * {@code commit}) as fields of their own, and {@code error} with the stack trace when there is one.
 * Logback's own JsonEncoder writes the message pattern with its {@code {}} and nests the context.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NOTHING = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("thread", event.getThreadName());
        line.put("message", event.getFormattedMessage());
        // The context never overwrites the fields above: a key named "message" stays the message.
        event.getMDCPropertyMap().forEach(line::putIfAbsent);
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.put("error", ThrowableProxyUtil.asString(error));
        }
        try {
            return (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // Strings and a map of strings always serialise; keep the line rather than lose it.
            return ("{\"level\":\"ERROR\",\"message\":\"unencodable log line\"}\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
