package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.platform.InvalidInput;
import org.junit.jupiter.api.Test;

class TicketAllotmentTest {

    private static HeldTicket seat(String seat) {
        return new HeldTicket(UUID.randomUUID(), seat.substring(0, seat.indexOf('-')), seat);
    }

    private static HeldTicket standing(String zone) {
        return new HeldTicket(UUID.randomUUID(), zone, null);
    }

    @Test
    void bestAvailableIsSharedInArrivalOrderBestFirst() {
        var best = List.of(standing("FLOOR"), standing("FLOOR"), standing("FLOOR"));
        var allotment = new TicketAllotment(Map.of("FLOOR", best), List.of(), Set.of());

        var shared = allotment.share(List.of(
                ClaimRequest.best(UUID.randomUUID(), "FLOOR", 2), ClaimRequest.best(UUID.randomUUID(), "FLOOR", 1)));

        assertThat(shared.outcomes().get(0).tickets()).containsExactly(best.get(0), best.get(1));
        assertThat(shared.outcomes().get(1).tickets()).containsExactly(best.get(2));
        assertThat(shared.leftInShortZones()).isEmpty();
    }

    @Test
    void aRequestThatCannotBeServedWholeGetsNothingAndLaterSmallerOnesStillFit() {
        var best = List.of(standing("FLOOR"), standing("FLOOR"));
        var allotment = new TicketAllotment(Map.of("FLOOR", best), List.of(), Set.of());

        var shared = allotment.share(List.of(
                ClaimRequest.best(UUID.randomUUID(), "FLOOR", 4), ClaimRequest.best(UUID.randomUUID(), "FLOOR", 2)));

        assertThat(shared.outcomes().get(0).isHeld()).isFalse();
        assertThat(shared.outcomes().get(0).tickets()).isEmpty();
        assertThat(shared.outcomes().get(0).refusal()).isInstanceOf(SoldOut.class);
        assertThat(shared.outcomes().get(1).tickets()).containsExactlyElementsOf(best);
        assertThat(shared.leftInShortZones()).containsEntry("FLOOR", 0);
    }

    @Test
    void twoRequestsForTheSameSeatAreSettledInMemoryTheEarlierWins() {
        var a1 = seat("GOLD-1-1");
        var a2 = seat("GOLD-1-2");
        var allotment = new TicketAllotment(Map.of(), List.of(a1, a2), Set.of("GOLD-1-1", "GOLD-1-2"));

        var shared = allotment.share(List.of(
                ClaimRequest.seats(UUID.randomUUID(), List.of("GOLD-1-1", "GOLD-1-2")),
                ClaimRequest.seats(UUID.randomUUID(), List.of("GOLD-1-2"))));

        assertThat(shared.outcomes().get(0).tickets()).containsExactly(a1, a2);
        assertThat(shared.outcomes().get(1).refusal())
                .isInstanceOfSatisfying(
                        SeatsUnavailable.class,
                        refusal -> assertThat(refusal.seats()).containsExactly("GOLD-1-2"));
    }

    @Test
    void unknownSeatsAreBadInputAndTakenSeatsAreNamed() {
        var allotment = new TicketAllotment(Map.of(), List.of(), Set.of("GOLD-1-1"));

        var shared = allotment.share(List.of(
                ClaimRequest.seats(UUID.randomUUID(), List.of("GOLD-1-1")),
                ClaimRequest.seats(UUID.randomUUID(), List.of("GOLD-1-1", "GOLD-99-1"))));

        assertThat(shared.outcomes().get(0).refusal()).isInstanceOf(SeatsUnavailable.class);
        assertThat(shared.outcomes().get(1).refusal())
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("GOLD-99-1");
    }

    @Test
    void aSeatLockedForASeatRequestIsNeverAlsoGivenToABestAvailableOne() {
        var front = seat("GOLD-1-1");
        var next = seat("GOLD-1-2");
        var allotment = new TicketAllotment(Map.of("GOLD", List.of(front, next)), List.of(front), Set.of("GOLD-1-1"));

        var shared = allotment.share(List.of(
                ClaimRequest.best(UUID.randomUUID(), "GOLD", 1),
                ClaimRequest.seats(UUID.randomUUID(), List.of("GOLD-1-1"))));

        assertThat(shared.outcomes().get(0).tickets()).containsExactly(next);
        assertThat(shared.outcomes().get(1).tickets()).containsExactly(front);
    }
}
