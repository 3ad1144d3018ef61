package org.boxoffice.partner;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.boxoffice.platform.ProviderTime;
import org.jspecify.annotations.Nullable;

/**
 * The partners' lists of unavailable seats, reused for a short while per venue and event: seat
 * maps are read far more often than a partner can be asked. When a list is out of date, one
 * caller asks the partner while the others go on with the old list, or wait for that one answer
 * when there is none yet: a crowd never asks a partner at once. A list too old is still better
 * than nothing when the partner cannot be reached.
 */
final class SeatCache {

    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, CompletableFuture<Optional<Set<String>>>> asking = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    SeatCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The seats, from the cache while they are fresh, else from {@code ask} (empty when the partner
     * gave no answer), else the last list known.
     *
     * @throws PartnerUnavailable when the partner gave no answer and no list is known
     */
    Set<String> seats(URI venue, UUID eventId, Supplier<Optional<Set<String>>> ask) {
        var key = new Key(venue, eventId);
        var known = entries.get(key);
        if (known != null && known.isFreshAt(clock.instant(), ttl)) {
            return known.seats();
        }
        var mine = new CompletableFuture<Optional<Set<String>>>();
        var running = asking.putIfAbsent(key, mine);
        if (running == null) {
            return orKnown(askUnlessJustAnswered(key, ask, mine), known);
        }
        if (known != null) {
            return known.seats();
        }
        long started = System.nanoTime();
        try {
            return orKnown(running.join(), entries.get(key));
        } catch (CompletionException e) {
            throw new PartnerUnavailable();
        } finally {
            // Waiting for another caller's question is waiting for the partner all the same.
            ProviderTime.add(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Forgets the list of one event, after we changed what the partner holds for us. */
    void forget(URI venue, UUID eventId) {
        entries.remove(new Key(venue, eventId));
    }

    private Optional<Set<String>> askUnlessJustAnswered(
            Key key, Supplier<Optional<Set<String>>> ask, CompletableFuture<Optional<Set<String>>> mine) {
        try {
            var answer = justAnswered(key).or(() -> askAndRemember(key, ask));
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            asking.remove(key, mine);
        }
    }

    // Another caller's question may have been answered between this one's look and its turn.
    private Optional<Set<String>> justAnswered(Key key) {
        var latest = entries.get(key);
        return latest != null && latest.isFreshAt(clock.instant(), ttl)
                ? Optional.of(latest.seats())
                : Optional.empty();
    }

    private Optional<Set<String>> askAndRemember(Key key, Supplier<Optional<Set<String>>> ask) {
        var answer = ask.get().map(Set::copyOf);
        answer.ifPresent(seats -> entries.put(key, new Entry(seats, clock.instant())));
        return answer;
    }

    private static Set<String> orKnown(Optional<Set<String>> answer, @Nullable Entry known) {
        if (answer.isPresent()) {
            return answer.get();
        }
        if (known == null) {
            throw new PartnerUnavailable();
        }
        return known.seats();
    }

    private record Key(URI venue, UUID eventId) {}

    private record Entry(Set<String> seats, Instant fetchedAt) {

        /** Fresh while younger than the TTL; a list from the future (a clock moved back) is not. */
        boolean isFreshAt(Instant now, Duration ttl) {
            var age = Duration.between(fetchedAt, now);
            return !age.isNegative() && age.compareTo(ttl) < 0;
        }
    }
}
