package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.boxoffice.audit.Invariants;

/** Asserts that the audit finds nothing wrong with an event. */
final class InvariantsHold {

    private InvariantsHold() {}

    static void forEvent(Invariants invariants, UUID eventId) {
        var report = invariants.check(eventId);
        assertThat(report.ok()).as(report.toString()).isTrue();
    }
}
