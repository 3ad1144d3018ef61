package org.boxoffice.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

@BoxofficeIT
class WaitingRoomIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @Autowired
    MovableClock clock;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    WaitingRoom waitingRoom;

    Buyers buyers;
    WaitingRooms rooms;

    @BeforeEach
    void setUp() {
        buyers = new Buyers(accounts, port);
        rooms = new WaitingRooms(catalog);
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void joiningAnEventWithoutAWaitingRoomIsRefused() {
        var reply = WaitingRooms.join(buyers.one(), rooms.withoutWaitingRoom());

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("NO_WAITING_ROOM");
    }

    @Test
    void theQueueOpensItsMinutesBeforeTheSale() {
        var event = rooms.event(Instant.now().plus(Duration.ofHours(2)), 10, 300);
        var buyer = buyers.one();

        var early = WaitingRooms.join(buyer, event);
        clock.advance(Duration.ofMinutes(91));
        var inTime = WaitingRooms.join(buyer, event);

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("QUEUE_NOT_OPEN");
        assertThat(inTime.status()).as(inTime.body()).isEqualTo(201);
        assertThat(inTime.json().get("position").isNull()).isTrue();
        assertThat(inTime.json().get("estimatedWaitSeconds").asLong()).isBetween(28L * 60, 29L * 60);
    }

    @Test
    void theSameUserJoiningAgainGetsTheSamePlace() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 1, 300);
        var buyer = buyers.one();

        var first = WaitingRooms.join(buyer, event);
        var again = WaitingRooms.join(buyer, event);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("queueId").asString())
                .isEqualTo(first.json().get("queueId").asString());
    }

    @Test
    void anotherUsersPlaceDoesNotExistForYou() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 1, 300);
        var owner = buyers.one();
        var queueId = WaitingRooms.join(owner, event).json().get("queueId").asString();

        var stranger = WaitingRooms.poll(buyers.one(), event, queueId);
        var unknown = WaitingRooms.poll(owner, event, UUID.randomUUID().toString());

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("QUEUE_ENTRY_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void theEarlyCrowdIsShuffledAtTheOpeningAndLaterArrivalsQueueBehindItInOrder() {
        var opening = Instant.now().plus(Duration.ofMinutes(10));
        var event = rooms.event(opening, 1, 300);
        var early = buyers.many(100);
        var earlyPlaces = early.stream()
                .map(buyer -> WaitingRooms.placeOf(WaitingRooms.join(buyer, event)))
                .toList();
        var beforeOpening = WaitingRooms.poll(early.getFirst(), event, earlyPlaces.getFirst());
        clock.advance(Duration.between(clock.instant(), opening));
        var late = buyers.many(20);
        var latePlaces = late.stream()
                .map(buyer -> WaitingRooms.placeOf(WaitingRooms.join(buyer, event)))
                .toList();

        var earlyPositions = positions(early, event, earlyPlaces);
        var latePositions = positions(late, event, latePlaces);

        assertThat(beforeOpening.json().get("position").isNull()).isTrue();
        assertThat(beforeOpening.json().get("admitted").asBoolean()).isFalse();
        // Positions are read one after another while the front moves (one a second), so they
        // may be a few places off. With a shuffle, about half of the first 50 to arrive end up
        // in the back half; fewer than 10 has a chance below one in a billion. In arrival order,
        // none would.
        long firstHalfAtTheBack = earlyPositions.subList(0, 50).stream()
                .filter(position -> position > 60)
                .count();
        assertThat(firstHalfAtTheBack).isGreaterThanOrEqualTo(10);
        assertThat(earlyPositions).allSatisfy(p -> assertThat(p).isBetween(0L, 100L));
        assertThat(latePositions).isSorted().allSatisfy(p -> assertThat(p).isGreaterThan(80L));
    }

    @Test
    void peopleAreAdmittedAtTheEventsRateFromTheOpening() {
        int rate = 4;
        var opening = Instant.now().plus(Duration.ofMinutes(5));
        var event = rooms.event(opening, rate, 300);
        var crowd = buyers.many(40);
        var places = crowd.stream()
                .map(buyer -> WaitingRooms.placeOf(WaitingRooms.join(buyer, event)))
                .toList();

        clock.advance(Duration.between(clock.instant(), opening.plusSeconds(3)));
        var firstPoll = clock.instant();
        var statuses = new ArrayList<Api.Reply>();
        for (int i = 0; i < crowd.size(); i++) {
            statuses.add(WaitingRooms.poll(crowd.get(i), event, places.get(i)));
        }
        var lastPoll = clock.instant();

        long admitted = statuses.stream()
                .filter(reply -> reply.json().get("admitted").asBoolean())
                .count();
        assertThat(admitted)
                .isBetween(
                        rate * Duration.between(opening, firstPoll).toMillis() / 1000,
                        rate * Duration.between(opening, lastPoll).toMillis() / 1000);
        assertThat(statuses)
                .filteredOn(reply -> reply.json().get("admitted").asBoolean())
                .allSatisfy(reply -> {
                    assertThat(reply.json().get("admissionToken").asString()).isNotBlank();
                    assertThat(reply.json().get("pollAfterSeconds").asInt()).isZero();
                });
    }

    @Test
    void aNewRateReachesALineThatIsRunning() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 1, 300);
        var crowd = buyers.many(20);
        var places = crowd.stream()
                .map(buyer -> WaitingRooms.placeOf(WaitingRooms.join(buyer, event)))
                .toList();

        var changed = buyers.admin()
                .patch(
                        "/api/v1/admin/events/" + event,
                        java.util.Map.of(
                                "rules", java.util.Map.of("waitingRoom", java.util.Map.of("admitPerSecond", 1000))));
        clock.advance(Duration.ofSeconds(1));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        for (int i = 0; i < crowd.size(); i++) {
            assertThat(WaitingRooms.poll(crowd.get(i), event, places.get(i))
                            .json()
                            .get("admitted")
                            .asBoolean())
                    .isTrue();
        }
    }

    @Test
    void afterANewRateThoseWaitingArePacedForIt() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 1, 300);
        var crowd = buyers.many(200);
        var last = crowd.getLast();
        var lastPlace = joinAll(crowd, event);
        clock.advance(Duration.ofSeconds(11));
        pollAfter(last, event, lastPlace);
        clock.advance(Duration.ofSeconds(11));
        int atTheOldRate = pollAfter(last, event, lastPlace);

        var changed = buyers.admin()
                .patch(
                        "/api/v1/admin/events/" + event,
                        java.util.Map.of(
                                "rules", java.util.Map.of("waitingRoom", java.util.Map.of("admitPerSecond", 50))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        int atTheNewRate = pollAfter(last, event, lastPlace);

        assertThat(atTheOldRate)
                .as("about 170 ahead, the front measured at 1 a second")
                .isGreaterThanOrEqualTo(100);
        assertThat(atTheNewRate)
                .as("about 170 ahead at 50 a second, not paced for the old rate's speed")
                .isBetween(2, 5);
    }

    @Test
    void aLineWhoseHoldsFallBehindAdmitsNobodyForASecondAndDoesNotMakeUpForIt() {
        int rate = 5;
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), rate, 300);
        var crowd = buyers.many(60);
        var last = crowd.getLast();
        var lastPlace = joinAll(crowd, event);
        long before = admittedPlaces(last, event, lastPlace);

        waitingRoom.holdsFallBehind(event);
        clock.advance(Duration.ofMillis(800));
        long braked = admittedPlaces(last, event, lastPlace);
        clock.advance(Duration.ofMillis(1200));
        long after = admittedPlaces(last, event, lastPlace);

        assertThat(before).as("admitted before the brake").isLessThan(30);
        assertThat(braked - before).as("admitted while braked").isLessThanOrEqualTo(1);
        assertThat(after - braked)
                .as("admitted in the second after the brake, at %d a second, nothing made up", rate)
                .isBetween(4L, 7L);
    }

    @Test
    void whileTheLineIsBrakedThoseWaitingAreAskedToPollLessOften() {
        int rate = 10;
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), rate, 300);
        var crowd = buyers.many(120);
        var last = crowd.getLast();
        var lastPlace = joinAll(crowd, event);
        int moving = pollAfter(last, event, lastPlace);

        for (int step = 0; step < 24; step++) {
            waitingRoom.holdsFallBehind(event);
            clock.advance(Duration.ofMillis(500));
            pollAfter(last, event, lastPlace);
        }
        int braked = pollAfter(last, event, lastPlace);

        assertThat(moving).as("at most 120 ahead at 10 a second").isBetween(1, 14);
        assertThat(braked)
                .as("the front stood still for 12 s of its last window: paced for half the rate")
                .isGreaterThanOrEqualTo(Math.max(3, (int) (1.5 * moving)));
    }

    private static int pollAfter(Api buyer, UUID eventId, String place) {
        var status = WaitingRooms.poll(buyer, eventId, place);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json().get("pollAfterSeconds").asInt();
    }

    /** Everyone in the crowd joins, one after the other; the last one's place. */
    private static String joinAll(List<Api> crowd, UUID eventId) {
        return crowd.stream()
                .map(buyer -> WaitingRooms.placeOf(WaitingRooms.join(buyer, eventId)))
                .toList()
                .getLast();
    }

    /** How many places of the line are admitted, as the place at its end sees it. */
    private static long admittedPlaces(Api buyer, UUID eventId, String place) {
        var status = WaitingRooms.poll(buyer, eventId, place);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().get("admitted").asBoolean()).isFalse();
        return 60 - status.json().get("position").asLong();
    }

    @Test
    void thoseFurtherBackAreAskedToPollLessOften() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 2, 300);
        var crowd = buyers.many(300);
        var places = crowd.stream()
                .map(buyer -> WaitingRooms.placeOf(WaitingRooms.join(buyer, event)))
                .toList();

        var nearTheFrontReply = WaitingRooms.poll(crowd.get(1), event, places.get(1));
        var atTheBackReply = WaitingRooms.poll(crowd.getLast(), event, places.getLast());
        var inTheMiddle =
                WaitingRooms.poll(crowd.get(20), event, places.get(20)).json();
        var atTheBack = atTheBackReply.json();

        assertThat(nearTheFrontReply.header("Connection"))
                .as("asked again within a second or two: the connection stays open")
                .isNull();
        assertThat(atTheBackReply.header("Connection"))
                .as("asked again in a minute or more: no connection kept idle for it")
                .isEqualTo("close");
        assertThat(inTheMiddle.get("admitted").asBoolean()).isFalse();
        double turnComesIn = inTheMiddle.get("position").asLong() / 2.0;
        assertThat(inTheMiddle.get("pollAfterSeconds").asInt())
                .as("%s ahead at 2 a second: back when the turn should come, give or take a tenth", inTheMiddle)
                .isBetween((int) Math.max(1, Math.floor(0.9 * turnComesIn)), (int) Math.ceil(1.1 * turnComesIn));
        assertThat(atTheBack.get("pollAfterSeconds").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(atTheBack.get("position").asLong())
                .isGreaterThan(inTheMiddle.get("position").asLong());
    }

    @Test
    void anOrderNeedsTheBuyersOwnTokenForThisEventUntilItLapses() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 100, 60);
        var other = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 100, 60);
        var buyer = buyers.one();
        var stranger = buyers.one();
        var token = admissionTokenOf(buyer, event);
        var tokenForOtherEvent = admissionTokenOf(buyer, other);

        assertThat(WaitingRooms.hold(buyer, event, null).code()).isEqualTo("NOT_ADMITTED");
        assertThat(WaitingRooms.hold(buyer, event, "forged.token").code()).isEqualTo("NOT_ADMITTED");
        assertThat(WaitingRooms.hold(stranger, event, token).code()).isEqualTo("NOT_ADMITTED");
        assertThat(WaitingRooms.hold(buyer, event, tokenForOtherEvent).code()).isEqualTo("NOT_ADMITTED");
        assertThat(WaitingRooms.hold(buyer, event, token).status()).isEqualTo(201);
        assertThat(WaitingRooms.hold(buyer, event, token).status())
                .as("a token serves several orders")
                .isEqualTo(201);
        clock.advance(Duration.ofSeconds(61));
        var lapsed = WaitingRooms.hold(buyer, event, token);

        assertThat(lapsed.status()).isEqualTo(403);
        assertThat(lapsed.code()).isEqualTo("NOT_ADMITTED");
    }

    @Test
    void afterTheTokenLapsesTheBuyerJoinsAgainAtTheBack() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 100, 30);
        var buyer = buyers.one();
        var firstPlace = WaitingRooms.placeOf(WaitingRooms.join(buyer, event));
        admissionTokenOf(buyer, event);
        clock.advance(Duration.ofSeconds(31));

        var lapsed = WaitingRooms.poll(buyer, event, firstPlace).json();
        var again = WaitingRooms.join(buyer, event);

        assertThat(lapsed.get("admitted").asBoolean()).isTrue();
        assertThat(lapsed.get("admissionToken").isNull()).isTrue();
        assertThat(again.status()).isEqualTo(201);
        assertThat(WaitingRooms.placeOf(again)).isNotEqualTo(firstPlace);
    }

    @Test
    void aWaitingRoomThatRedisLostIsJoinedAgainAndTokensAlreadyGivenStillBuy() {
        var event = rooms.event(Instant.now().minus(Duration.ofMinutes(1)), 100, 300);
        var admitted = buyers.one();
        var waiting = buyers.one();
        var token = admissionTokenOf(admitted, event);
        var lostPlace = WaitingRooms.placeOf(WaitingRooms.join(waiting, event));

        var lost = redis.keys("admission:{" + event + "}:*");
        assertThat(lost).isNotEmpty();
        redis.delete(lost);

        assertThat(WaitingRooms.poll(waiting, event, lostPlace).code()).isEqualTo("QUEUE_ENTRY_NOT_FOUND");
        assertThat(WaitingRooms.join(waiting, event).status()).isEqualTo(201);
        assertThat(WaitingRooms.hold(admitted, event, token).status()).isEqualTo(201);
    }

    private String admissionTokenOf(Api buyer, UUID event) {
        var place = WaitingRooms.placeOf(WaitingRooms.join(buyer, event));
        for (int attempt = 0; attempt < 50; attempt++) {
            var status = WaitingRooms.poll(buyer, event, place).json();
            if (status.get("admitted").asBoolean()) {
                return status.get("admissionToken").asString();
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("never admitted");
    }

    private static List<Long> positions(List<Api> buyers, UUID event, List<String> places) {
        var positions = new ArrayList<Long>();
        for (int i = 0; i < buyers.size(); i++) {
            var status = WaitingRooms.poll(buyers.get(i), event, places.get(i));
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            positions.add(status.json().get("position").asLong());
        }
        return positions;
    }
}
