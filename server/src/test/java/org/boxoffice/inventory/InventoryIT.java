package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.platform.InvalidInput;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The inventory facade against the real ticket table. */
@BoxofficeIT
class InventoryIT {

    private static final List<ZoneStock> SMALL_HALL = List.of(
            ZoneStock.seated("STALLS", List.of(new SeatRow("A", 3), new SeatRow("B", 4))),
            ZoneStock.standing("BAR", 10));

    @Autowired
    Inventory inventory;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ticketsAreCreatedOnlyInsideTheCallersTransaction() {
        assertThatThrownBy(() -> inventory.createTickets(UUID.randomUUID(), SMALL_HALL))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void everyTicketIsCreatedAvailableWithItsSeat() {
        var eventId = create(SMALL_HALL);

        assertThat(inventory.counts(eventId))
                .containsEntry("STALLS", new ZoneCount(7, 0, 0, 0))
                .containsEntry("BAR", new ZoneCount(10, 0, 0, 0));
        assertThat(inventory.seatMap(eventId, List.of("STALLS", "BAR")))
                .containsOnlyKeys("STALLS")
                .containsEntry("STALLS", List.of(new SeatRowStatus("A", "AAA"), new SeatRowStatus("B", "AAAA")));
    }

    @Test
    void anExpiredHoldCountsAsAvailableEverywhere() {
        var eventId = create(SMALL_HALL);
        set(eventId, "HELD", Instant.now().plus(Duration.ofMinutes(3)), "STALLS-A-1");
        set(eventId, "HELD", Instant.now().minus(Duration.ofSeconds(1)), "STALLS-A-2");
        set(eventId, "SOLD", null, "STALLS-B-4");

        assertThat(inventory.counts(eventId)).containsEntry("STALLS", new ZoneCount(5, 1, 1, 0));
        assertThat(inventory.seatMap(eventId, List.of("STALLS")).get("STALLS"))
                .containsExactly(new SeatRowStatus("A", "HAA"), new SeatRowStatus("B", "AAAS"));
    }

    @Test
    void ticketsOutsideTheQuotaAreNotForSaleAndOutsideTheCapacity() {
        var eventId = create(List.of(
                SMALL_HALL.getFirst().onlyForSale(Set.of("STALLS-B-2")),
                SMALL_HALL.get(1).onlyForSale(Set.of())));

        var counts = inventory.counts(eventId);

        assertThat(counts.get("STALLS")).isEqualTo(new ZoneCount(1, 0, 0, 6));
        assertThat(counts.get("STALLS").capacity()).isEqualTo(1);
        assertThat(counts.get("BAR")).isEqualTo(new ZoneCount(0, 0, 0, 10));
        assertThat(inventory.seatMap(eventId, List.of("STALLS")).get("STALLS"))
                .containsExactly(new SeatRowStatus("A", "XXX"), new SeatRowStatus("B", "XAXX"));
    }

    @Test
    void anEventHasAtMostTwoHundredThousandTickets() {
        var tooMany = List.of(ZoneStock.standing("A", 150_000), ZoneStock.standing("B", 50_001));

        assertThatThrownBy(() -> create(tooMany)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aZoneIsCreatedOnce() {
        var twice = List.of(ZoneStock.standing("A", 1), ZoneStock.standing("A", 1));

        assertThatThrownBy(() -> create(twice)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void countsOfSeveralEventsComeInOneAnswer() {
        var first = create(SMALL_HALL);
        var second = create(List.of(ZoneStock.standing("GA", 3)));

        var counts = inventory.counts(List.of(first, second, UUID.randomUUID()));

        assertThat(counts).containsOnlyKeys(first, second);
        assertThat(counts.get(second)).containsExactly(java.util.Map.entry("GA", new ZoneCount(3, 0, 0, 0)));
    }

    private UUID create(List<ZoneStock> zones) {
        var eventId = UUID.randomUUID();
        long created = transaction.execute(status -> inventory.createTickets(eventId, zones));
        assertThat(created)
                .isEqualTo(zones.stream().mapToLong(ZoneStock::tickets).sum());
        return eventId;
    }

    private void set(UUID eventId, String status, Instant heldUntil, String seat) {
        jdbc.sql("UPDATE ticket SET status = :status, held_until = :until WHERE event_id = :eventId AND seat = :seat")
                .param("status", status)
                .param("until", heldUntil == null ? null : Timestamp.from(heldUntil))
                .param("eventId", eventId)
                .param("seat", seat)
                .update();
    }
}
