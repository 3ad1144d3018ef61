package org.boxoffice.partner;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.boxoffice.platform.ProviderCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Venues whose own box office owns the seats (a cinema in PARTNER mode), each at the base URL its
 * events name. Every call retries with the same key under one deadline ({@code
 * boxoffice.partner.deadline}) behind the venue's own circuit breaker, so one venue's outage
 * leaves the others alone. Calls that change seats may wait that long: make them with no
 * transaction open.
 */
@Service
public class PartnerVenues {

    private static final Logger log = LoggerFactory.getLogger(PartnerVenues.class);
    private static final int MAX_KEY = 200;

    private final PartnerBoxOffice boxOffice;
    private final PartnerUrls urls;
    private final SeatCache cache;
    private final PartnerSettings settings;
    private final MeterRegistry meters;
    private final ConcurrentMap<URI, ProviderCalls> callsByVenue = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedAboutTransaction = new AtomicBoolean();

    PartnerVenues(
            PartnerBoxOffice boxOffice,
            PartnerUrls urls,
            SeatCache cache,
            PartnerSettings settings,
            MeterRegistry meters) {
        this.meters = meters;
        this.boxOffice = boxOffice;
        this.urls = urls;
        this.cache = cache;
        this.settings = settings;
    }

    /**
     * Seat ids the partner will not sell us right now (sold at its box office, or held or sold for
     * us); cached per (baseUrl, event) for {@code boxoffice.partner.cache-ttl} (default 1s).
     *
     * @throws PartnerUnavailable (503 PROVIDER_UNAVAILABLE) when the partner cannot be reached after
     *     retries and nothing is cached
     */
    public Set<String> unavailableSeats(URI baseUrl, UUID eventId) {
        var venue = urls.resolve(baseUrl);
        return cache.seats(
                venue,
                eventId,
                () -> calls(venue)
                        .call("seats of " + eventId, timeout -> boxOffice.unavailableSeats(venue, eventId, timeout)));
    }

    /**
     * Asks the partner to hold the seats for us, under {@code holdKey} (the same key never holds
     * twice). Never throws for provider trouble. Call with no transaction open.
     *
     * @throws IllegalArgumentException for no seats or a blank or over-long key
     */
    public PartnerHold hold(URI baseUrl, UUID eventId, List<String> seats, String holdKey) {
        requireKey(holdKey);
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("A hold has at least one seat");
        }
        warnIfInTransaction();
        var venue = urls.resolve(baseUrl);
        var answer = calls(venue)
                .call(
                        "hold " + holdKey,
                        timeout -> boxOffice.hold(venue, eventId, List.copyOf(seats), holdKey, timeout))
                .orElseGet(PartnerHold.Unavailable::new);
        cache.forget(venue, eventId);
        return answer;
    }

    /**
     * Turns the hold into a sale (after payment). True when the partner confirmed; false when it
     * refused (the hold was released) or could not be reached.
     */
    public boolean confirm(URI baseUrl, UUID eventId, String holdKey) {
        requireKey(holdKey);
        warnIfInTransaction();
        var venue = urls.resolve(baseUrl);
        return calls(venue)
                .call("confirm " + holdKey, timeout -> boxOffice.confirm(venue, eventId, holdKey, timeout))
                .orElse(false);
    }

    /**
     * Releases a hold (cancel, expiry, failure) or returns a sale (refund); idempotent. True when
     * the partner confirmed; then a hold request with the key that arrives late holds nothing.
     */
    public boolean release(URI baseUrl, UUID eventId, String holdKey) {
        requireKey(holdKey);
        warnIfInTransaction();
        var venue = urls.resolve(baseUrl);
        var released = calls(venue).call("release " + holdKey, timeout -> {
            boxOffice.release(venue, eventId, holdKey, timeout);
            return Boolean.TRUE;
        });
        cache.forget(venue, eventId);
        return released.isPresent();
    }

    /** The retries and circuit breaker of one venue (by its resolved URL), made on first use. */
    ProviderCalls calls(URI venue) {
        return callsByVenue.computeIfAbsent(
                venue,
                url -> ProviderCalls.of(
                        "partner venue " + url,
                        settings.deadline(),
                        settings.readTimeout(),
                        settings.retries(),
                        settings.circuitBreaker(),
                        settings.bulkhead(),
                        meters));
    }

    /** Every venue's calls made so far, for tests that reset their breakers. */
    java.util.Collection<ProviderCalls> allCalls() {
        return callsByVenue.values();
    }

    private static void requireKey(String holdKey) {
        if (holdKey.isBlank() || holdKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("A hold key has 1 to " + MAX_KEY + " characters");
        }
    }

    private void warnIfInTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && warnedAboutTransaction.compareAndSet(false, true)) {
            log.warn(
                    "Partner venue called inside a transaction: its database connection is held while the partner answers",
                    new IllegalStateException("called from here"));
        }
    }
}
