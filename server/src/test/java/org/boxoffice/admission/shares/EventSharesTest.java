package org.boxoffice.admission.shares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class EventSharesTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final UUID stadium = UUID.randomUUID();
    private final UUID cinema = UUID.randomUUID();

    @Test
    void oneEventTakesNoMoreThanItsShareAndAnotherEventGetsInAtOnce() throws Exception {
        var shares = new EventShares(4, 3, 100);
        var held = new ArrayList<EventShares.Place>();
        for (int i = 0; i < 3; i++) {
            held.add(shares.enter(stadium, LONG));
        }

        assertThat(shares.enter(stadium, Duration.ofMillis(50))).isNull();
        var cinemaPlace = shares.enter(cinema, Duration.ZERO);

        assertThat(cinemaPlace).isNotNull();
        assertThat(shares.running()).isEqualTo(4);
        assertThat(shares.running(stadium)).isEqualTo(3);
        assertThat(shares.waiting()).isZero();
        cinemaPlace.close();
        held.forEach(EventShares.Place::close);
        assertThat(shares.running()).isZero();
    }

    @Test
    void aFreedPlaceGoesToTheEventWithFewestRunningThenInOrderOfArrival() throws Exception {
        var shares = new EventShares(4, 4, 100);
        var stadiumPlaces = new ArrayList<EventShares.Place>();
        for (int i = 0; i < 4; i++) {
            stadiumPlaces.add(shares.enter(stadium, LONG));
        }
        var order = new ConcurrentLinkedQueue<String>();
        try (var waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            var started = new ArrayList<CompletableFuture<EventShares.Place>>();
            started.add(waitFor(waiters, shares, stadium, "stadium 1", order));
            awaitTrue(() -> shares.waiting() == 1);
            started.add(waitFor(waiters, shares, stadium, "stadium 2", order));
            awaitTrue(() -> shares.waiting() == 2);
            started.add(waitFor(waiters, shares, cinema, "cinema 1", order));
            awaitTrue(() -> shares.waiting() == 3);
            started.add(waitFor(waiters, shares, cinema, "cinema 2", order));
            awaitTrue(() -> shares.waiting() == 4);

            for (int freed = 1; freed <= 4; freed++) {
                stadiumPlaces.get(freed - 1).close();
                int expected = freed;
                awaitTrue(() -> order.size() == expected);
            }

            // Both cinema requests first (0 running against the stadium's 3), then the stadium's in order.
            assertThat(order).containsExactly("cinema 1", "cinema 2", "stadium 1", "stadium 2");
            for (var place : started) {
                place.get(5, TimeUnit.SECONDS).close();
            }
        }
        assertThat(shares.running()).isZero();
        assertThat(shares.waiting()).isZero();
    }

    @Test
    void aRequestThatWaitedPastItsPatienceLeavesTheLineAndTakesNothing() throws Exception {
        var shares = new EventShares(1, 1, 100);
        var only = shares.enter(stadium, LONG);

        long started = System.nanoTime();
        assertThat(shares.enter(stadium, Duration.ofMillis(200))).isNull();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(shares.waiting()).isZero();
        only.close();
        assertThat(shares.running()).isZero();
        assertThat(shares.enter(cinema, Duration.ZERO)).isNotNull();
    }

    @Test
    void aFullLineRefusesAtOnce() throws Exception {
        var shares = new EventShares(1, 1, 0);
        var only = shares.enter(stadium, LONG);

        long started = System.nanoTime();
        assertThat(shares.enter(stadium, LONG)).isNull();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        only.close();
    }

    @Test
    void aPlaceClosedTwiceIsGivenBackOnce() throws Exception {
        var shares = new EventShares(2, 2, 100);
        var first = shares.enter(stadium, LONG);
        var second = shares.enter(stadium, LONG);

        first.close();
        first.close();

        assertThat(shares.running()).isEqualTo(1);
        second.close();
        assertThat(shares.running()).isZero();
    }

    @Test
    void aLentPlaceGoesToTheNextInLineAndIsTakenBackAheadOfNewcomers() throws Exception {
        var shares = new EventShares(1, 1, 100);
        var lender = shares.enter(stadium, LONG);
        var order = new ConcurrentLinkedQueue<String>();
        try (var waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            lender.lend();
            var borrower = shares.enter(stadium, Duration.ZERO);
            assertThat(borrower).as("the lent place, at once").isNotNull();

            var takingBack = CompletableFuture.runAsync(
                    () -> {
                        lender.takeBack();
                        order.add("lender");
                    },
                    waiters);
            awaitTrue(() -> shares.waiting() == 1);
            var newcomer = waitFor(waiters, shares, stadium, "newcomer", order);
            awaitTrue(() -> shares.waiting() == 2);

            borrower.close();
            takingBack.get(5, TimeUnit.SECONDS);
            assertThat(order).containsExactly("lender");
            assertThat(shares.running()).isEqualTo(1);

            lender.close();
            newcomer.get(5, TimeUnit.SECONDS).close();
            assertThat(order).containsExactly("lender", "newcomer");
        }
        assertThat(shares.running()).isZero();
        assertThat(shares.waiting()).isZero();
    }

    @Test
    void aPlaceClosedWhileLentOutIsNotGivenBackTwice() throws Exception {
        var shares = new EventShares(2, 2, 100);
        var lent = shares.enter(stadium, LONG);
        var other = shares.enter(stadium, LONG);

        lent.lend();
        lent.lend();
        assertThat(shares.running()).isEqualTo(1);
        lent.close();
        lent.takeBack();

        assertThat(shares.running()).isEqualTo(1);
        other.close();
        assertThat(shares.running()).isZero();
    }

    @Test
    void manyRequestsOfTwoEventsNeverRunMoreThanTheirPlacesAndAllGetThrough() throws Exception {
        var shares = new EventShares(6, 4, 10_000);
        var runningNow = new AtomicInteger();
        var runningStadium = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var mostStadium = new AtomicInteger();
        var done = new CountDownLatch(2_000);
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2_000; i++) {
                var eventId = i % 5 == 0 ? cinema : stadium;
                requests.submit(() -> {
                    try (var place = shares.enter(eventId, LONG)) {
                        assertThat(place).isNotNull();
                        mostAtOnce.accumulateAndGet(runningNow.incrementAndGet(), Math::max);
                        if (eventId.equals(stadium)) {
                            mostStadium.accumulateAndGet(runningStadium.incrementAndGet(), Math::max);
                        }
                        Thread.sleep(1);
                        if (eventId.equals(stadium)) {
                            runningStadium.decrementAndGet();
                        }
                        runningNow.decrementAndGet();
                    }
                    done.countDown();
                    return null;
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(6);
        assertThat(mostStadium.get()).isLessThanOrEqualTo(4);
        assertThat(shares.running()).isZero();
        assertThat(shares.waiting()).isZero();
    }

    @Test
    void whileTheCarriersAreBehindTheBusiestEventKeepsThreeQuartersOfWhatItHasInFlight() throws Exception {
        var shares = new EventShares(48, 32, 100, 4);
        var waitingForGroup = enterLent(shares, stadium, 20);
        var cinemaPlace = shares.enter(cinema, Duration.ZERO);

        shares.adapt(true, false);

        assertThat(shares.allowance(stadium)).isEqualTo(15);
        assertThat(shares.allowance(cinema)).isEqualTo(EventShares.UNBOUNDED);
        assertThat(shares.running(stadium))
                .as("no place is running: all 20 are lent")
                .isZero();
        assertThat(shares.enter(stadium, Duration.ofMillis(50))).isNull();
        var secondCinema = shares.enter(cinema, Duration.ZERO);
        assertThat(secondCinema).isNotNull();
        secondCinema.close();
        cinemaPlace.close();
        waitingForGroup.forEach(EventShares.Place::close);
        assertThat(shares.running()).isZero();
    }

    @Test
    void anEventAloneIsNeverNarrowed() throws Exception {
        var shares = new EventShares(48, 32, 100, 4);
        var waitingForGroup = enterLent(shares, stadium, 20);

        shares.adapt(true, false);

        assertThat(shares.allowance(stadium)).isEqualTo(EventShares.UNBOUNDED);
        assertThat(shares.narrowed()).isZero();
        waitingForGroup.forEach(EventShares.Place::close);
    }

    @Test
    void aNarrowedEventKeepsAtLeastItsLeastInFlight() throws Exception {
        var shares = new EventShares(48, 32, 100, 4);
        var waitingForGroup = enterLent(shares, stadium, 20);
        for (int i = 0; i < 10; i++) {
            shares.enter(cinema, Duration.ZERO).close();
            shares.adapt(true, false);
        }

        assertThat(shares.allowance(stadium)).isEqualTo(4);
        waitingForGroup.forEach(EventShares.Place::close);
    }

    @Test
    void asTheCarriersCatchUpANarrowedEventIsWidenedAndItsLineGetsInThenItIsNoLongerNarrowed() throws Exception {
        var shares = new EventShares(48, 32, 100, 4);
        var waitingForGroup = enterLent(shares, stadium, 8);
        shares.enter(cinema, Duration.ZERO).close();
        shares.adapt(true, false);
        assertThat(shares.allowance(stadium)).isEqualTo(6);
        try (var waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            var newcomer = waitFor(waiters, shares, stadium, "newcomer", new ConcurrentLinkedQueue<>());
            awaitTrue(() -> shares.waiting() == 1);

            shares.adapt(false, false);
            assertThat(shares.waiting())
                    .as("neither behind nor caught up: unchanged")
                    .isEqualTo(1);
            for (int i = 0; i < 2; i++) {
                shares.adapt(false, true);
            }
            assertThat(shares.allowance(stadium)).isEqualTo(8);
            assertThat(shares.waiting()).as("8 in flight, the allowance").isEqualTo(1);
            waitingForGroup.removeFirst().close();

            waitingForGroup.add(newcomer.get(5, TimeUnit.SECONDS));
        }
        for (int i = 0; i < 60 && shares.narrowed() > 0; i++) {
            shares.adapt(false, true);
        }
        assertThat(shares.narrowed()).isZero();
        assertThat(shares.allowance(stadium)).isEqualTo(EventShares.UNBOUNDED);
        waitingForGroup.forEach(EventShares.Place::close);
        assertThat(shares.running()).isZero();
    }

    @Test
    void aNarrowedEventClosingALentPlaceLetsTheNextInAndAPlaceTakenBackIgnoresTheAllowance() throws Exception {
        var shares = new EventShares(48, 32, 100, 4);
        var waitingForGroup = enterLent(shares, stadium, 8);
        shares.enter(cinema, Duration.ZERO).close();
        shares.adapt(true, false);
        try (var waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            var newcomer = waitFor(waiters, shares, stadium, "newcomer", new ConcurrentLinkedQueue<>());
            awaitTrue(() -> shares.waiting() == 1);

            waitingForGroup.get(0).takeBack();
            assertThat(shares.running(stadium))
                    .as("taken back at once, past the allowance")
                    .isEqualTo(1);
            waitingForGroup.get(0).close();
            waitingForGroup.get(1).close();
            assertThat(shares.waiting()).as("still 6 in flight, the allowance").isEqualTo(1);
            waitingForGroup.get(2).close();

            newcomer.get(5, TimeUnit.SECONDS).close();
        }
        waitingForGroup.forEach(EventShares.Place::close);
        assertThat(shares.running()).isZero();
        assertThat(shares.waiting()).isZero();
    }

    /** {@code count} places of one event, each lent out, as holds waiting for their group. */
    private static List<EventShares.Place> enterLent(EventShares shares, UUID eventId, int count)
            throws InterruptedException {
        var places = new ArrayList<EventShares.Place>();
        for (int i = 0; i < count; i++) {
            var place = shares.enter(eventId, Duration.ZERO);
            assertThat(place).isNotNull();
            place.lend();
            places.add(place);
        }
        return places;
    }

    @Test
    void sharesLargerThanThePlacesAreRefused() {
        assertThatThrownBy(() -> new EventShares(4, 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventShares(0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CompletableFuture<EventShares.Place> waitFor(
            ExecutorService executor,
            EventShares shares,
            UUID eventId,
            String name,
            ConcurrentLinkedQueue<String> order) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        var place = shares.enter(eventId, LONG);
                        order.add(name);
                        return place;
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                },
                executor);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 10 s");
            }
            Thread.sleep(5);
        }
    }
}
