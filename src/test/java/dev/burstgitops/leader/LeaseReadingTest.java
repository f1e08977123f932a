package dev.burstgitops.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Lease judged at a given time, as a one-shot command judges it before writing. */
class LeaseReadingTest {

    private static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");

    @Test
    void aLeaseRenewedWithinItsDurationIsHeldUntilThenByItsHolder() {
        assertThat(LeaseReading.of(lease("replica-a", NOW.minusSeconds(5), 15), NOW))
                .isEqualTo(new LeaseReading.Held("replica-a", Optional.of(NOW.plusSeconds(10))));
    }

    @Test
    void aLeaseNotRenewedWithinItsDurationIsFree() {
        assertThat(LeaseReading.of(lease("replica-a", NOW.minusSeconds(15), 15), NOW))
                .isEqualTo(new LeaseReading.Free("expired at 2026-12-07T22:00:00Z, held last by replica-a"));
    }

    @Test
    void aReleasedLeaseAndNoLeaseAtAllAreFree() {
        assertThat(LeaseReading.of(lease("", NOW, 15), NOW)).isInstanceOf(LeaseReading.Free.class);
        assertThat(LeaseReading.of(null, NOW)).isEqualTo(new LeaseReading.Free("no Lease"));
    }

    @Test
    void withoutARenewalTheAcquisitionCountsAndWithoutAnyTimeTheHolderIsTakenAtItsWord() {
        Lease acquiredOnly = lease("replica-a", NOW.minusSeconds(5), 15);
        acquiredOnly.getSpec().setAcquireTime(acquiredOnly.getSpec().getRenewTime());
        acquiredOnly.getSpec().setRenewTime(null);
        Lease noTime = lease("replica-a", NOW, 15);
        noTime.getSpec().setRenewTime(null);

        assertThat(LeaseReading.of(acquiredOnly, NOW))
                .isEqualTo(new LeaseReading.Held("replica-a", Optional.of(NOW.plusSeconds(10))));
        assertThat(LeaseReading.of(noTime, NOW)).isEqualTo(new LeaseReading.Held("replica-a", Optional.empty()));
    }

    private static Lease lease(String holder, Instant renewed, int seconds) {
        return new LeaseBuilder().withNewMetadata().withName("burst-gitops").withNamespace("burst-gitops").endMetadata()
                .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(seconds)
                .withRenewTime(ZonedDateTime.ofInstant(renewed, ZoneOffset.UTC)).endSpec().build();
    }
}
