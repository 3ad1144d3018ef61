package org.boxoffice.partner;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.boxoffice.platform.ProviderCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The airline whose reservation system must confirm that a flight's tickets are ours. Slow (up to
 * 3 seconds) and failing often, so every call retries with the same reservation key under one
 * deadline ({@code boxoffice.airline.deadline}) behind the airline's circuit breaker, and none
 * throws for the airline's trouble. Each may wait that long: call with no transaction open, or
 * the caller's database connection waits along.
 */
@Service
public class Airline {

    private static final Logger log = LoggerFactory.getLogger(Airline.class);
    private static final int MAX_KEY = 200;

    private final ReservationSystem system;
    private final ProviderCalls calls;
    private final AtomicBoolean warnedAboutTransaction = new AtomicBoolean();

    Airline(ReservationSystem system, AirlineSettings settings, MeterRegistry meters) {
        this.system = system;
        this.calls = ProviderCalls.of(
                "airline",
                settings.deadline(),
                settings.readTimeout(),
                settings.retries(),
                settings.circuitBreaker(),
                settings.bulkhead(),
                meters);
    }

    /**
     * Confirms with the airline that these tickets of the flight are ours, retrying with the same
     * key under one deadline ({@code boxoffice.airline.deadline}, default 20s). The same key never
     * reserves twice, however often it is sent. Never throws for provider trouble; {@code
     * Unavailable} means the outcome is unknown (see {@link AirlineOutcome.Unavailable}). Call with
     * no transaction open.
     *
     * @throws IllegalArgumentException for no tickets or a blank or over-long key
     */
    public AirlineOutcome reserve(UUID flightId, List<UUID> ticketIds, String reservationKey) {
        return reserve(flightId, ticketIds, reservationKey, reservationKey);
    }

    /** {@link #reserve(UUID, List, String)}, telling the airline who travels ({@code passengerRef}). */
    public AirlineOutcome reserve(UUID flightId, List<UUID> ticketIds, String reservationKey, String passengerRef) {
        requireKey(reservationKey);
        if (ticketIds.isEmpty()) {
            throw new IllegalArgumentException("A reservation has at least one ticket");
        }
        warnIfInTransaction();
        var request = new ReservationSystem.ReservationRequest(reservationKey, flightId, ticketIds, passengerRef);
        return calls.call("reserve " + reservationKey, timeout -> system.reserve(request, timeout))
                .orElseGet(AirlineOutcome.Unavailable::new);
    }

    /**
     * Compensation: cancels the reservation; idempotent. True when the airline confirmed (or the
     * reservation never existed: then the key is barred, so a request with it that arrives late
     * reserves nothing). False when the airline could not be reached: try again later.
     */
    public boolean cancel(String reservationKey) {
        requireKey(reservationKey);
        warnIfInTransaction();
        return calls.call("cancel " + reservationKey, timeout -> {
                    system.cancel(reservationKey, timeout);
                    return Boolean.TRUE;
                })
                .orElse(false);
    }

    /** For recovery after a crash: what the airline knows of the key ({@code UNKNOWN} when it cannot be asked). */
    public ReservationStatus lookup(String reservationKey) {
        requireKey(reservationKey);
        warnIfInTransaction();
        return calls.call("look up " + reservationKey, timeout -> system.find(reservationKey, timeout))
                .orElse(ReservationStatus.UNKNOWN);
    }

    /** False while the airline's circuit breaker refuses calls: a new reservation would be refused at once. */
    public boolean acceptsCalls() {
        return calls.acceptsCalls();
    }

    /** The airline's retries and circuit breaker, for tests and health reports. */
    ProviderCalls calls() {
        return calls;
    }

    private static void requireKey(String reservationKey) {
        if (reservationKey.isBlank() || reservationKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("A reservation key has 1 to " + MAX_KEY + " characters");
        }
    }

    private void warnIfInTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && warnedAboutTransaction.compareAndSet(false, true)) {
            log.warn(
                    "Airline called inside a transaction: its database connection is held while the airline answers",
                    new IllegalStateException("called from here"));
        }
    }
}
