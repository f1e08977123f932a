package dev.burstgitops.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cluster and inventory a pass may touch, decided from what was read. */
class OwnershipCheckTest {

    private static final Installation FLEET = Installation.of("https://git.example.com/acme/fleet", "main", "clusters/east");
    private static final Installation OTHER = Installation.of("https://git.example.com/acme/other", "main", "clusters/east");
    private static final String HERE = "11111111-1111-1111-1111-111111111111";
    private static final String THERE = "22222222-2222-2222-2222-222222222222";
    private static final InventoryOwner OURS = new InventoryOwner(FLEET, HERE);

    @Test
    void aFreshClusterWithNoMemoryAndNoInventoryIsSynced() {
        assertThat(OwnershipCheck.refusal("east", OURS, Optional.empty(), Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void anInventoryFromBeforeOwnersWereRecordedIsTakenAsOurs() {
        assertThat(OwnershipCheck.refusal("east", OURS, Optional.empty(), Optional.of(HERE), Optional.empty())).isEmpty();
    }

    @Test
    void anotherClusterThanTheOneRememberedIsRefused() {
        assertThat(OwnershipCheck.refusal("east", OURS, Optional.empty(), Optional.of(THERE), Optional.empty()))
                .hasValueSatisfying(why -> assertThat(why).contains("not the cluster synced before")
                        .contains("sync.adoptCluster: {east: " + HERE + "}"));
    }

    @Test
    void anInventoryWrittenInAnotherClusterIsRefused() {
        assertThat(OwnershipCheck.refusal("east", OURS, Optional.of(new InventoryOwner(FLEET, THERE)), Optional.empty(),
                Optional.empty())).hasValueSatisfying(why -> assertThat(why).contains("written in another cluster"));
    }

    @Test
    void anotherInstallationsInventoryIsRefused() {
        assertThat(OwnershipCheck.refusal("east", OURS, Optional.of(new InventoryOwner(OTHER, HERE)), Optional.of(HERE),
                Optional.empty())).hasValueSatisfying(why -> assertThat(why).contains("another installation")
                        .contains("git.example.com/acme/other"));
    }

    @Test
    void aConfirmedIdentityIsSyncedWhateverWasRecordedButOnlyThatOne() {
        Optional<InventoryOwner> foreign = Optional.of(new InventoryOwner(OTHER, THERE));
        assertThat(OwnershipCheck.refusal("east", OURS, foreign, Optional.of(THERE), Optional.of(HERE))).isEmpty();
        assertThat(OwnershipCheck.refusal("east", OURS, foreign, Optional.of(THERE), Optional.of(THERE))).isPresent();
    }

    @Test
    void theSameRepositoryOverHttpsOrSshIsTheSameInstallation() {
        assertThat(Installation.of("git@github.com:acme/fleet.git", "main", "clusters/east/").id())
                .isEqualTo(Installation.of("https://x-token:secret@github.com/acme/fleet", "main", "clusters/east").id())
                .isNotEqualTo(Installation.of("https://github.com/acme/fleet", "release", "clusters/east").id());
        assertThat(Installation.of("https://x-token:secret@github.com/acme/fleet.git", "main", "clusters/east")
                .describe()).isEqualTo("github.com/acme/fleet, branch main, clusters/east").doesNotContain("secret");
        assertThat(Installation.of("/srv/git/fleet.git", "main", "clusters/east").repository()).isEqualTo("/srv/git/fleet");
    }
}
