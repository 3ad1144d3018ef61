package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class EventStatusTest {

    @Test
    void aDraftMayBePublishedClosedOrCancelled() {
        assertThat(reachableFrom(EventStatus.DRAFT))
                .containsExactlyInAnyOrder(
                        EventStatus.DRAFT, EventStatus.ON_SALE, EventStatus.SALE_CLOSED, EventStatus.CANCELLED);
    }

    @Test
    void aPublishedEventNeverGoesBackToDraft() {
        assertThat(reachableFrom(EventStatus.ON_SALE))
                .containsExactlyInAnyOrder(EventStatus.ON_SALE, EventStatus.SALE_CLOSED, EventStatus.CANCELLED);
    }

    @Test
    void aClosedSaleMayReopen() {
        assertThat(reachableFrom(EventStatus.SALE_CLOSED))
                .containsExactlyInAnyOrder(EventStatus.SALE_CLOSED, EventStatus.ON_SALE, EventStatus.CANCELLED);
    }

    @Test
    void aCancelledEventStaysCancelled() {
        assertThat(reachableFrom(EventStatus.CANCELLED)).containsExactly(EventStatus.CANCELLED);
    }

    @Test
    void onlyDraftsAreHiddenFromVisitors() {
        assertThat(EnumSet.allOf(EventStatus.class).stream().filter(status -> !status.isPublic()))
                .containsExactly(EventStatus.DRAFT);
    }

    private static EnumSet<EventStatus> reachableFrom(EventStatus from) {
        var reachable = EnumSet.noneOf(EventStatus.class);
        for (var to : EventStatus.values()) {
            if (from.canBecome(to)) {
                reachable.add(to);
            }
        }
        return reachable;
    }
}
