package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SeatCacheTest {

    private static final URI VENUE = URI.create("http://127.0.0.1:1/partner/arman-cinema");
    private static final UUID EVENT = UUID.randomUUID();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
    private final SeatCache cache = new SeatCache(Duration.ofSeconds(1), new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void aListIsReusedWhileFreshAndAskedForAgainAfterwards() {
        assertThat(seats(Set.of("HALL-A-1"))).containsExactly("HALL-A-1");
        later(Duration.ofMillis(900));
        assertThat(seats(Set.of("HALL-A-2"))).containsExactly("HALL-A-1");
        assertThat(asked).hasValue(1);

        later(Duration.ofMillis(200));
        assertThat(seats(Set.of("HALL-A-2"))).containsExactly("HALL-A-2");
        assertThat(asked).hasValue(2);
    }

    @Test
    void eventsAndVenuesAreCachedApart() {
        seats(Set.of("HALL-A-1"));

        cache.seats(VENUE, UUID.randomUUID(), answer(Set.of()));
        cache.seats(URI.create("http://127.0.0.1:1/partner/other"), EVENT, answer(Set.of()));

        assertThat(asked).hasValue(3);
    }

    @Test
    void withoutAnAnswerTheLastListKnownServesHoweverOld() {
        seats(Set.of("HALL-A-1"));
        later(Duration.ofHours(1));

        assertThat(cache.seats(VENUE, EVENT, noAnswer())).containsExactly("HALL-A-1");
    }

    @Test
    void withoutAnAnswerAndWithNothingKnownThePartnerIsUnavailable() {
        assertThatThrownBy(() -> cache.seats(VENUE, EVENT, noAnswer()))
                .isInstanceOf(PartnerUnavailable.class)
                .satisfies(e -> assertThat(((PartnerUnavailable) e).status()).isEqualTo(503))
                .satisfies(e -> assertThat(((PartnerUnavailable) e).code()).isEqualTo("PROVIDER_UNAVAILABLE"));
    }

    @Test
    void aListFromTheFutureIsNotFresh() {
        seats(Set.of("HALL-A-1"));
        later(Duration.ofHours(-1));

        assertThat(seats(Set.of("HALL-A-2"))).containsExactly("HALL-A-2");
    }

    @Test
    void forgettingAnEventAsksAgain() {
        seats(Set.of("HALL-A-1"));

        cache.forget(VENUE, EVENT);

        assertThat(seats(Set.of("HALL-A-2"))).containsExactly("HALL-A-2");
    }

    @Test
    void aCrowdWithNothingCachedWaitsForOneQuestion() throws Exception {
        var release = new CountDownLatch(1);
        var readers = new ArrayList<Callable<Set<String>>>();
        for (int i = 0; i < 50; i++) {
            readers.add(() -> cache.seats(VENUE, EVENT, () -> {
                asked.incrementAndGet();
                await(release);
                return Optional.of(Set.of("HALL-B-3"));
            }));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = readers.stream().map(threads::submit).toList();
            Thread.sleep(100);
            release.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).containsExactly("HALL-B-3");
            }
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void aCrowdWithAnOldListGoesOnWithItWhileOneAsks() throws Exception {
        seats(Set.of("HALL-A-1"));
        later(Duration.ofSeconds(2));
        var release = new CountDownLatch(1);

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var asking = threads.submit(() -> cache.seats(VENUE, EVENT, () -> {
                asked.incrementAndGet();
                await(release);
                return Optional.of(Set.of("HALL-A-2"));
            }));
            Thread.sleep(50);

            assertThat(seats(Set.of("HALL-A-3"))).containsExactly("HALL-A-1");
            release.countDown();
            assertThat(asking.get()).containsExactly("HALL-A-2");
        }
        assertThat(asked).hasValue(2);
    }

    private Set<String> seats(Set<String> partnerSays) {
        return cache.seats(VENUE, EVENT, answer(partnerSays));
    }

    private java.util.function.Supplier<Optional<Set<String>>> answer(Set<String> partnerSays) {
        return () -> {
            asked.incrementAndGet();
            return Optional.of(partnerSays);
        };
    }

    private java.util.function.Supplier<Optional<Set<String>>> noAnswer() {
        return () -> {
            asked.incrementAndGet();
            return Optional.empty();
        };
    }

    private void later(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
