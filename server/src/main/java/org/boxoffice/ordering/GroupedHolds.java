package org.boxoffice.ordering;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.platform.DatabaseTrouble;
import org.boxoffice.platform.Overloaded;
import org.boxoffice.platform.RequestKey;
import org.boxoffice.platform.RequestPlaces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The grouped path (the default): collects concurrent holds per event ({@link QueuedHold}) and has
 * them decided in groups, each in one {@link GroupTransaction} (group commit). No timer
 * and no waiting for company: the first hold of an idle event starts a drainer at once, and the
 * holds that arrive while a group is in the database make up the next group. A quiet event so
 * pays nothing, and a crowded one gets groups as large as its crowd (up to {@code maxGroup}).
 * Up to {@code drainersPerEvent} groups of one event are in the database at once, so that one
 * group's round trips overlap another's work; they never wait for each other's tickets (best
 * available skips locked rows, and seats and buyers are locked in one order).
 *
 * <p>A group that fails as a whole (a deadlock with another instance, say) is tried again; one
 * that still fails falls back to the single path ({@link SingleHolds}), so that one bad hold
 * cannot fail the others.
 */
@Component
class GroupedHolds {

    private static final Logger log = LoggerFactory.getLogger(GroupedHolds.class);
    private static final int ATTEMPTS = 3;

    private final Map<UUID, EventQueue> queues = new ConcurrentHashMap<>();
    private final GroupTransaction together;
    private final SingleHolds alone;
    private final ShortZones shortZones;
    private final DatabaseTrouble databaseTrouble;
    private final HoldSettings settings;
    private final Clock clock;
    private final DistributionSummary groupSizes;

    GroupedHolds(
            GroupTransaction together,
            SingleHolds alone,
            ShortZones shortZones,
            DatabaseTrouble databaseTrouble,
            HoldSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.together = together;
        this.alone = alone;
        this.shortZones = shortZones;
        this.databaseTrouble = databaseTrouble;
        this.settings = settings;
        this.clock = clock;
        this.groupSizes = DistributionSummary.builder("boxoffice.holds.group.size")
                .description("Holds decided together in one transaction")
                .register(meters);
    }

    /** Holds as the single path would, decided together with the other holds of the moment. */
    OrderView hold(UUID userId, OrderRequest request, SaleTerms terms, @Nullable RequestKey key) {
        var hold = new QueuedHold(userId, request, terms, key);
        // Added under the map's lock for the event, so that a queue being dropped as idle
        // (below) cannot swallow it.
        var queue = queues.compute(terms.eventId(), (eventId, existing) -> {
            var joined = existing == null ? new EventQueue(eventId) : existing;
            joined.waiting.add(hold);
            return joined;
        });
        queue.startDrainingIfIdle();
        // Parked until the group is decided: the request's place in its event's share is lent out
        // meanwhile (RequestPlaces), so that a share bounds the holds running, not those waiting
        // together for their group (which would bound the group's size).
        try (var _ = RequestPlaces.lendWhileWaiting()) {
            return hold.answer().get(settings.answerWithin().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            // Given up: a drainer that has not taken it yet skips it. One already in the database
            // may still be held; the buyer then finds the order in their list, and it lapses.
            hold.answer().cancel(false);
            throw new Overloaded("The holds of this event are not being decided in time; please try again shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("Interrupted while waiting for a hold to be decided.");
        }
    }

    /** How many events have a queue now (those with holds waiting or being decided). */
    int queuedEvents() {
        return queues.size();
    }

    /**
     * The waiting holds of one event and how many drainers are deciding them. A queue whose
     * last drainer finds nothing more to do is dropped, so events that stopped selling keep
     * nothing in memory; the next hold makes a new one.
     */
    private final class EventQueue {

        private final UUID eventId;
        private final Queue<QueuedHold> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicInteger drainers = new AtomicInteger();

        EventQueue(UUID eventId) {
            this.eventId = eventId;
        }

        void startDrainingIfIdle() {
            if (tryToStartDraining()) {
                Thread.ofVirtual().name("holds-" + eventId).start(this::drain);
            }
        }

        private boolean tryToStartDraining() {
            int now;
            do {
                now = drainers.get();
                if (now >= settings.drainersPerEvent()) {
                    return false;
                }
            } while (!drainers.compareAndSet(now, now + 1));
            return true;
        }

        private void drain() {
            while (true) {
                var group = next();
                if (group.isEmpty()) {
                    drainers.decrementAndGet();
                    // A hold added after the poll but before the count went down may have found
                    // every drainer busy: take the job back unless another drainer did.
                    if (waiting.isEmpty() || !tryToStartDraining()) {
                        dropIfIdle();
                        return;
                    }
                    continue;
                }
                decide(group);
            }
        }

        private void dropIfIdle() {
            queues.computeIfPresent(
                    eventId, (id, queue) -> queue == this && waiting.isEmpty() && drainers.get() == 0 ? null : queue);
        }

        private List<QueuedHold> next() {
            var group = new ArrayList<QueuedHold>();
            QueuedHold hold;
            while (group.size() < settings.maxGroup() && (hold = waiting.poll()) != null) {
                if (!hold.answer().isDone()) {
                    group.add(hold);
                }
            }
            return group;
        }
    }

    private void decide(List<QueuedHold> group) {
        var terms = group.getFirst().terms();
        groupSizes.record(group.size());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                var decisions = together.holdAll(terms, group, clock.instant());
                decisions.leftInShortZones().forEach((zone, left) -> shortZones.remember(terms.eventId(), zone, left));
                for (int i = 0; i < group.size(); i++) {
                    decisions.outcomes().get(i).answer(group.get(i));
                }
                return;
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isWorthAnotherTry(e)) {
                    log.debug("A group of {} holds failed (attempt {}), trying again", group.size(), attempt, e);
                    continue;
                }
                var refusal = databaseTrouble.refusalFor(e);
                if (refusal.isPresent()) {
                    // Deciding them one by one would only wait for the database a second time.
                    log.warn("A group of {} holds failed on the database: {}", group.size(), e.toString());
                    group.forEach(hold -> hold.answer().completeExceptionally(refusal.get()));
                    return;
                }
                log.warn("A group of {} holds failed; deciding them one by one", group.size(), e);
                break;
            }
        }
        group.forEach(this::decideAlone);
    }

    /**
     * A deadlock with another instance's group or a serialization failure: the next try may well
     * pass. A statement or lock timeout already waited as long as a hold may.
     */
    private static boolean isWorthAnotherTry(RuntimeException e) {
        return e instanceof TransientDataAccessException
                && !(e instanceof QueryTimeoutException)
                && !(e instanceof CannotAcquireLockException);
    }

    private void decideAlone(QueuedHold hold) {
        try {
            hold.answer()
                    .complete(alone.hold(hold.userId(), hold.request(), hold.terms(), clock.instant(), hold.key()));
        } catch (RuntimeException e) {
            hold.answer().completeExceptionally(e);
        }
    }
}
