package dev.burstgitops.bundled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** build-info.properties as the build writes it, and as a build that skipped filtering leaves it. */
class BuildInfoTest {

    @Test
    void readsTheVersionAndTheCommit() {
        BuildInfo info = read("version=0.1.0\ncommit=29c7efbd02a78a602c7995bf00174ae881b587b8\n");

        assertThat(info).isEqualTo(new BuildInfo("0.1.0", "29c7efbd02a78a602c7995bf00174ae881b587b8"));
    }

    @Test
    void anUnfilteredPlaceholderIsUnknownRatherThanShownAsIs() {
        BuildInfo info = read("version=${project.version}\ncommit=${build.commit}\n");

        assertThat(info).isEqualTo(new BuildInfo("unknown", "unknown"));
    }

    @Test
    void aMissingResourceOrKeyIsUnknown() {
        assertThat(BuildInfo.read(null)).isEqualTo(new BuildInfo("unknown", "unknown"));
        assertThat(read("version=0.1.0\ncommit=\n")).isEqualTo(new BuildInfo("0.1.0", "unknown"));
    }

    @Test
    void theJarUnderTestCarriesAFilteredResource() {
        // The build filters the real file: no placeholder may survive into what --version prints.
        assertThat(BuildInfo.current().version()).doesNotContain("${").isNotEqualTo(BuildInfo.UNKNOWN);
        assertThat(BuildInfo.current().commit()).doesNotContain("${");
    }

    private static BuildInfo read(String text) {
        return BuildInfo.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
