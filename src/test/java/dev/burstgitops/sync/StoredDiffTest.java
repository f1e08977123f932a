package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredDiffTest {

    @Test
    void comparesExactlyAndIgnoresWhatEveryWriteChanges() {
        Map<String, Object> live = Map.of("metadata", Map.of("resourceVersion", "7", "generation", 1,
                "labels", Map.of("a", "1")), "data", Map.of("v", "3.1"), "status", Map.of("x", 1));
        Map<String, Object> stored = Map.of("metadata", Map.of("resourceVersion", "9", "generation", 2,
                "labels", Map.of("a", "1")), "data", Map.of("v", "3.10"), "status", Map.of("x", 2));

        assertThat(StoredDiff.differences(live, stored, false)).extracting(FieldChange::line)
                .containsExactly("data.v: \"3.1\" -> \"3.10\"");
    }

    @Test
    void aSecretsValuesAreNeverShown() {
        Map<String, Object> live = Map.of("data", Map.of("password", "aHVudGVyMg=="));
        Map<String, Object> stored = Map.of("data", Map.of("password", "c2VjcmV0", "user", "YWRtaW4="));

        List<FieldChange> changes = StoredDiff.differences(live, stored, true);

        assertThat(changes).extracting(FieldChange::line).containsExactly(
                "data.password: (secret value) -> (changed secret value)",
                "data.user: (none) -> (changed secret value)");
        assertThat(changes.toString()).doesNotContain("aHVudGVyMg", "c2VjcmV0", "YWRtaW4");
        assertThat(StoredDiff.differences(Map.of(), stored, true)).extracting(FieldChange::line)
                .containsExactly("data: (none) -> (changed secret value)");
    }
}
