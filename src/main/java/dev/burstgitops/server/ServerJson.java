package dev.burstgitops.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Optional;

/**
 * Writes response bodies as JSON: records and maps as objects, {@code java.time} values as
 * their ISO-8601 text ({@code 2026-01-10T08:00:00Z}, {@code PT30S}), an {@link Optional} as its
 * content or {@code null}.
 *
 * <p>Why not jackson-datatype-jdk8 / -jsr310: the build does not declare them. jsr310 only
 * arrives transitively through fabric8 and jdk8 not at all, so output would change with
 * another library's dependency tree. Every java.time type prints ISO-8601 from
 * {@code toString()}, which is all {@code /status} needs.
 */
final class ServerJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("burst-gitops-server")
                    .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
                    .addSerializer(TemporalAmount.class, ToStringSerializer.instance)
                    .addSerializer(optionalType(), new OptionalContentSerializer()))
            // A status object with no properties yet is "{}", not a failed request.
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ServerJson() {
    }

    static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Optional<?>> optionalType() {
        return (Class) Optional.class;
    }

    /** Writes what the Optional holds, with the serializer for that value's own type. */
    private static final class OptionalContentSerializer extends JsonSerializer<Optional<?>> {
        @Override
        public void serialize(Optional<?> value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), generator);
            } else {
                generator.writeNull();
            }
        }
    }
}
