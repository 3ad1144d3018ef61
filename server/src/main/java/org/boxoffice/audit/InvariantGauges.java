package org.boxoffice.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.boxoffice.platform.Leadership;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The invariant check as gauges, for alerts: every {@code boxoffice.audit.gauge-interval} one
 * instance of the cluster (the {@link Leadership leader} of {@code audit/invariant_gauges}) runs
 * the whole check and publishes {@code boxoffice.invariants.violations} by {@code kind}, the
 * paid tickets without an e-ticket and the release lag of lapsed holds. Other instances publish
 * zeros, so that {@code max} over instances is the cluster's figure. The whole check reads every
 * ticket and order; every 15 s it cost the cheapest request 5% of its rate and a waiting-room
 * poll 10% on the 2-core machine (loadtest/poll-cost), hence 30 s by default.
 */
@Component
class InvariantGauges {

    private static final Map<String, ToDoubleFunction<InvariantReport.Violations>> KINDS = Map.of(
            "tickets_in_two_live_orders", InvariantReport.Violations::ticketsInTwoLiveOrders,
            "held_tickets_without_live_order", InvariantReport.Violations::heldTicketsWithoutLiveOrder,
            "sold_tickets_without_paid_order", InvariantReport.Violations::soldTicketsWithoutPaidOrder,
            "paid_orders_missing_tickets", InvariantReport.Violations::paidOrdersMissingTickets,
            "zone_count_mismatches", InvariantReport.Violations::zoneCountMismatches,
            "orders_pending_too_long", InvariantReport.Violations::ordersPendingTooLong,
            "payments_unknown", InvariantReport.Violations::paymentsUnknown);

    private final Invariants invariants;
    private final InvariantQueries queries;
    private final Leadership leadership;
    private final Clock clock;
    private volatile @Nullable Measured last;

    /** One run's figures. */
    private record Measured(InvariantReport report, long paidTicketsNotIssued, double releaseLagSeconds) {}

    InvariantGauges(
            Invariants invariants,
            InvariantQueries queries,
            JdbcConnectionDetails database,
            Clock clock,
            MeterRegistry meters) {
        this.invariants = invariants;
        this.queries = queries;
        this.clock = clock;
        this.leadership = new Leadership(database, "audit", "invariant_gauges", Duration.ofSeconds(10));
        KINDS.forEach((kind, count) -> Gauge.builder(
                        "boxoffice.invariants.violations", this, gauges -> gauges.violations(count))
                .description("What the last invariant check found, by kind (0 on instances that do not check)")
                .tag("kind", kind)
                .register(meters));
        Gauge.builder(
                        "boxoffice.tickets.paid.not.issued",
                        this,
                        gauges -> gauges.figure(Measured::paidTicketsNotIssued))
                .description("Tickets of paid orders without an e-ticket, at the last check")
                .register(meters);
        Gauge.builder("boxoffice.holds.release.lag", this, gauges -> gauges.figure(Measured::releaseLagSeconds))
                .description("How long the oldest lapsed hold has waited for the sweeper, at the last check")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${boxoffice.audit.gauge-interval:30s}", initialDelayString = "30s")
    void measure() {
        var connection = leadership.connection();
        if (connection.isEmpty()) {
            return;
        }
        try {
            // The lock's own connection: a leader whose lock is gone finds out here and steps down.
            connection.get().sql("SELECT 1").query(Integer.class).single();
            var now = clock.instant();
            last = new Measured(
                    invariants.check(null), queries.paidTicketsNotIssued(now), queries.releaseLagSeconds(now));
        } catch (DataAccessException e) {
            leadership.resign();
            last = null;
            throw e;
        }
    }

    private double violations(ToDoubleFunction<InvariantReport.Violations> count) {
        var measured = last;
        return measured == null ? 0 : count.applyAsDouble(measured.report().violations());
    }

    private double figure(ToDoubleFunction<Measured> figure) {
        var measured = last;
        return measured == null ? 0 : figure.applyAsDouble(measured);
    }
}
