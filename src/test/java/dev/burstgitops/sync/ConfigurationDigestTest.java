package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationDigestTest {

    @Test
    void valuesANumberRuleWouldCallEqualAreDifferentConfigurations() {
        assertThat(ConfigurationDigest.of(Map.of("v", "3.1"))).isNotEqualTo(ConfigurationDigest.of(Map.of("v", "3.10")));
        assertThat(ConfigurationDigest.of(Map.of("v", "010"))).isNotEqualTo(ConfigurationDigest.of(Map.of("v", "10")));
        assertThat(ConfigurationDigest.of(Map.of("v", "80"))).isNotEqualTo(ConfigurationDigest.of(Map.of("v", 80)));
        assertThat(ConfigurationDigest.of(Map.of("v", false))).isNotEqualTo(ConfigurationDigest.of(Map.of()));
    }

    @Test
    void theOrderOfKeysIsNoChange() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("x", "y"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("x", "y"));
        ba.put("a", 1);

        assertThat(ConfigurationDigest.of(ab)).isEqualTo(ConfigurationDigest.of(ba)).hasSize(43);
    }
}
