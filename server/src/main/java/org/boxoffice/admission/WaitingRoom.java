package org.boxoffice.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventChanged;
import org.boxoffice.catalog.Viewer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The waiting room's public face: joining an event's queue, asking where one stands (which hands
 * out the admission token once the front has passed), and checking a token when an order comes.
 * Asking and checking never touch the database: a place is read from Redis in one round trip,
 * a token is checked by its signature.
 */
@Service
public class WaitingRoom {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoom.class);

    /** The slowest the polls are paced for, as a share of the rate (see {@link #pacedSpeed}). */
    private static final double SLOWEST_PACED_SHARE = 0.5;

    private final Catalog catalog;
    private final Lines lines;
    private final AdmissionTokens tokens;
    private final QueueMeters meters;
    private final Pacing pacing;
    private final Duration brakeFor;
    /** When this instance last braked each event's line. */
    private final Map<UUID, Instant> braked = new ConcurrentHashMap<>();

    private final Clock clock;

    WaitingRoom(
            Catalog catalog,
            Lines lines,
            AdmissionTokens tokens,
            QueueMeters meters,
            WaitingRoomSettings settings,
            Clock clock) {
        this.catalog = catalog;
        this.lines = lines;
        this.tokens = tokens;
        this.meters = meters;
        this.pacing = new Pacing(
                settings.longestPoll(),
                settings.pollShare(),
                settings.pollBudget(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.brakeFor = settings.brakeFor();
        this.clock = clock;
    }

    /** What joining answers: the place, and whether it was taken now or found. */
    public record Joining(QueueEntry entry, boolean created) {}

    /**
     * Takes a place in the event's queue, or finds the one this user has (until its admission
     * lapses; then the user starts again at the back).
     */
    public Joining join(UUID userId, UUID eventId) {
        var terms = QueueTerms.of(catalog.saleConditions(eventId, new Viewer(userId, false)));
        var now = clock.instant();
        terms.requireJoinable(now);
        var joined = lines.join(terms, userId, now);
        if (joined.created()) {
            meters.joined(eventId);
        }
        return new Joining(entry(terms, joined, now), joined.created());
    }

    /** Where the user's place stands; other users' places do not exist for them. */
    public QueueStatus status(UUID userId, UUID eventId, UUID queueId) {
        var now = clock.instant();
        var place = lines.place(eventId, queueId, now);
        if (place == null || !place.userId().equals(userId)) {
            throw new Refusals.EntryNotFound(queueId);
        }
        long waiting = Math.max(0, place.length() - place.admittedPlaces());
        meters.waiting(eventId, waiting);
        if (place.tokenLapsesAt() != null) {
            return admitted(userId, eventId, place, now);
        }
        if (now.isBefore(place.opensAt())) {
            return new QueueStatus(
                    null, false, null, null, pacing.beforeOpening(Duration.between(now, place.opensAt()), waiting));
        }
        var position = place.rank() - place.admittedPlaces() + 1;
        return new QueueStatus(position, false, null, null, pacing.waiting(position, pacedSpeed(place), waiting));
    }

    /** @throws NotAdmitted unless {@code token} admits this user to this event now */
    public void requireAdmitted(UUID userId, UUID eventId, @Nullable String token) {
        if (!tokens.admits(token, userId, eventId, clock.instant())) {
            throw new NotAdmitted();
        }
    }

    /**
     * The event's holds fall behind its admissions: its line admits nobody for the next {@code
     * boxoffice.admission.brake-for}, on every instance (the front is shared), and does not make up
     * for it afterwards. While the holds stay behind, the hold path calls this again and again;
     * this instance renews the brake at most twice per period. The brake is advice: when Redis
     * cannot be reached, the line (in the same Redis) admits nobody either.
     */
    public void holdsFallBehind(UUID eventId) {
        var now = clock.instant();
        if (!claimBrake(eventId, now)) {
            return;
        }
        try {
            if (lines.brake(eventId, now, now.plus(brakeFor))) {
                meters.braked(eventId);
            }
        } catch (Refusals.WaitingRoomUnavailable e) {
            log.debug("Could not brake the waiting room of {}: Redis is unreachable", eventId);
        }
    }

    /** Whether this call is the one to brake the event now (the last brake is half a period old). */
    private boolean claimBrake(UUID eventId, Instant now) {
        var last = braked.get(eventId);
        if (last == null) {
            return braked.putIfAbsent(eventId, now) == null;
        }
        return !last.isAfter(now.minus(brakeFor.dividedBy(2))) && braked.replace(eventId, last, now);
    }

    /**
     * Changed terms apply to a line that is already running. After the catalog's own listener
     * (which forgets its cached copy of the event), so that this one reads the change.
     */
    @TransactionalEventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(EventChanged change) {
        try {
            lines.change(QueueTerms.of(catalog.saleConditions(change.eventId(), new Viewer(null, true))));
        } catch (RuntimeException e) {
            // The line keeps its terms until the next change.
            log.warn("Could not bring the waiting room of {} up to date: {}", change.eventId(), e.toString());
        }
    }

    /**
     * How fast the polls are paced for: the front's recent speed, which is the rate unless the line
     * was braked, but never under half the rate. A buyer paced for a slower front than the real
     * one comes back after their turn, and while the admitted stay away the hold path idles (a
     * tenth of the rate left the machine idle for half a minute in a 100,000-person run, see
     * docs/benchmarks.md); one paced for a faster front only asks once more.
     */
    private static double pacedSpeed(Lines.Place place) {
        int rate = place.admitPerSecond();
        if (!place.speedKnown()) {
            return rate;
        }
        return Math.clamp(place.recentSpeed(), rate * SLOWEST_PACED_SHARE, rate);
    }

    private QueueStatus admitted(UUID userId, UUID eventId, Lines.Place place, Instant now) {
        var lapsesAt = place.tokenLapsesAt();
        if (place.admittedNow()) {
            meters.admitted(eventId, Duration.between(place.joinedAt(), now));
        }
        if (lapsesAt == null || !now.isBefore(lapsesAt)) {
            return new QueueStatus(0L, true, null, lapsesAt, 0);
        }
        return new QueueStatus(0L, true, tokens.issue(userId, eventId, lapsesAt), lapsesAt, 0);
    }

    private QueueEntry entry(QueueTerms terms, Lines.Joined joined, Instant now) {
        if (now.isBefore(terms.opensAt())) {
            return new QueueEntry(
                    joined.queueId(),
                    null,
                    false,
                    Duration.between(now, terms.opensAt()).toSeconds());
        }
        var ahead = joined.rank() - joined.admittedPlaces();
        if (ahead < 0) {
            return new QueueEntry(joined.queueId(), 0L, true, 0);
        }
        return new QueueEntry(
                joined.queueId(), ahead + 1, false, Pacing.expectedWait(ahead + 1, terms.admitPerSecond()));
    }
}
