package dev.burstgitops.decision;

import dev.burstgitops.sync.SyncMode;

/**
 * Not a test: a class in {@code decision} that breaks the package rule on purpose, so that
 * ArchitectureTest can show its rules fail on a forbidden import. It lives with the tests and is
 * never part of the product.
 */
public final class ImpureDecisionFixture {

    private ImpureDecisionFixture() {
    }

    static String mode() {
        return SyncMode.class.getSimpleName();
    }
}
