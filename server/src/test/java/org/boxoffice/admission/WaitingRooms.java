package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventDefinition;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.catalog.RulesDefinition;
import org.boxoffice.platform.Money;
import org.boxoffice.testing.Api;

/** Events behind a waiting room for the admission tests, and the calls their buyers make. */
public final class WaitingRooms {

    private final Catalog catalog;

    public WaitingRooms(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A general-admission event of 1,000 tickets (10 per buyer) whose sale opens at {@code
     * saleStartsAt}, with a waiting room admitting {@code admitPerSecond} a second and opening 30
     * minutes before the sale.
     */
    public UUID event(Instant saleStartsAt, int admitPerSecond, int tokenTtlSeconds) {
        return event(
                saleStartsAt, new RulesDefinition.WaitingRoomDefinition(true, admitPerSecond, 30, tokenTtlSeconds));
    }

    UUID withoutWaitingRoom() {
        return event(Instant.now().minus(Duration.ofHours(1)), null);
    }

    private UUID event(Instant saleStartsAt, RulesDefinition.WaitingRoomDefinition waitingRoom) {
        var startsAt = Instant.now().plus(Duration.ofDays(30));
        var floor = new EventDefinition.ZoneDefinition("FLOOR", Money.of(1_000_000, "KZT"), 1_000, null);
        var rules = new RulesDefinition(null, 10, 10, null, null, waitingRoom);
        return catalog.createEvent(new EventDefinition(
                        null,
                        EventKind.CONCERT,
                        "Queued " + UUID.randomUUID(),
                        null,
                        startsAt,
                        saleStartsAt,
                        startsAt.minus(Duration.ofHours(1)),
                        "KZT",
                        null,
                        List.of(floor),
                        rules,
                        null,
                        null))
                .id();
    }

    public static Api.Reply join(Api buyer, UUID eventId) {
        return buyer.post("/api/v1/events/" + eventId + "/queue", Map.of());
    }

    /** The place a join answered with ({@code queueId}), after checking that it took or found one. */
    public static String placeOf(Api.Reply joined) {
        assertThat(joined.status()).as(joined.body()).isIn(200, 201);
        return joined.json().get("queueId").asString();
    }

    public static Api.Reply poll(Api buyer, UUID eventId, String queueId) {
        return buyer.get("/api/v1/events/" + eventId + "/queue/" + queueId);
    }

    static Api.Reply hold(Api buyer, UUID eventId, @org.jspecify.annotations.Nullable String admissionToken) {
        var request = admissionToken == null ? buyer : buyer.header("X-Admission-Token", admissionToken);
        return request.postOnce(
                "/api/v1/orders", Map.of("eventId", eventId.toString(), "zone", "FLOOR", "quantity", 1));
    }

    /** Waits (in real time, at most 10 s) until the buyer's place is admitted; its token. */
    static String admissionTokenOf(Api buyer, UUID eventId, String place) {
        var deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            var status = poll(buyer, eventId, place).json();
            if (status.get("admitted").asBoolean()) {
                return status.get("admissionToken").asString();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("not admitted within 10 s");
    }
}
