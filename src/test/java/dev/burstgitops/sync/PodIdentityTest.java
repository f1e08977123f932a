package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the controller's pod is found: the downward API first, else the service account's namespace and the host name. */
class PodIdentityTest {

    @TempDir
    Path dir;

    @Test
    void theDownwardApiNamesThePod() {
        assertThat(PodIdentity.of(Map.of("POD_NAMESPACE", "gitops", "POD_NAME", "burst-gitops-5d9c7b8f4-x2x7q",
                "HOSTNAME", "other"), dir.resolve("absent")))
                .contains(new PodIdentity("gitops", "burst-gitops-5d9c7b8f4-x2x7q"));
    }

    @Test
    void withoutItTheServiceAccountsNamespaceFileAndTheHostNameDo() throws Exception {
        Path namespace = Files.writeString(dir.resolve("namespace"), "burst-gitops\n");

        assertThat(PodIdentity.of(Map.of("HOSTNAME", "burst-gitops-5d9c7b8f4-x2x7q"), namespace))
                .contains(new PodIdentity("burst-gitops", "burst-gitops-5d9c7b8f4-x2x7q"));
    }

    @Test
    void outsideAPodThereIsNone() {
        assertThat(PodIdentity.of(Map.of("HOSTNAME", "laptop"), dir.resolve("absent"))).isEmpty();
        assertThat(PodIdentity.of(Map.of("POD_NAMESPACE", " ", "POD_NAME", "x"), dir.resolve("absent"))).isEmpty();
    }
}
