package dev.burstgitops.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderIdentityTest {

    @Test
    void inAPodTheIdentityIsThePodNameKubernetesPutsInHOSTNAME() {
        assertThat(LeaderIdentity.from(Map.of("HOSTNAME", "burst-gitops-7d9c6b5f4-x2x8k"), () -> "node-1"))
                .isEqualTo("burst-gitops-7d9c6b5f4-x2x8k");
    }

    @Test
    void withoutHOSTNAMETwoProcessesOnOneHostStillGetDifferentIdentities() {
        String first = LeaderIdentity.from(Map.of(), () -> "workstation");
        String second = LeaderIdentity.from(Map.of("HOSTNAME", " "), () -> "workstation");

        assertThat(first).matches("workstation-[0-9a-f]{8}");
        assertThat(second).matches("workstation-[0-9a-f]{8}").isNotEqualTo(first);
    }
}
