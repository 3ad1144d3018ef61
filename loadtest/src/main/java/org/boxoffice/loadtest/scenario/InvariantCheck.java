package org.boxoffice.loadtest.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * The checks after the run: the server's own ({@code GET /admin/invariants}) and the client's,
 * from what the runner saw: no ticket in two paid orders, and every flight's counts adding up.
 */
final class InvariantCheck {

    /** The API lets counts lag a write by up to a second; waiting a little longer reads settled counts. */
    private static final Duration COUNT_LAG = Duration.ofMillis(1_500);

    private static final int PARALLEL_READS = 16;
    private static final int LISTED_AT_MOST = 10;

    /**
     * @param violations broken invariants: the run fails
     * @param unchecked checks that could not be made: the run is incomplete
     * @param serverAnswer the server's invariant report as it came, or why there is none
     * @param totals capacity, available, held and sold summed over all flights
     */
    record Verdict(List<String> violations, List<String> unchecked, String serverAnswer, Totals totals) {}

    record Totals(long capacity, long available, long held, long sold) {}

    private final BoxofficeApi api;
    private final String adminToken;

    InvariantCheck(BoxofficeApi api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    Verdict check(FlightBoard board, OrderLedger ledger, int unsettledOrders) throws InterruptedException {
        var violations = Collections.synchronizedList(new ArrayList<String>());
        var unchecked = Collections.synchronizedList(new ArrayList<String>());
        if (unsettledOrders > 0) {
            violations.add(unsettledOrders + " orders still unsettled after the settle timeout"
                    + " (the API promises a pending payment is settled within a minute)");
        }
        var serverAnswer = serverInvariants(violations, unchecked);
        paidTicketsAreUnique(ledger, violations);
        Thread.sleep(COUNT_LAG);
        var totals = flightCountsAddUp(board, ledger, violations, unchecked);
        return new Verdict(List.copyOf(violations), List.copyOf(unchecked), serverAnswer, totals);
    }

    private String serverInvariants(List<String> violations, List<String> unchecked) throws InterruptedException {
        var reply = api.invariants(adminToken);
        if (reply.status() != 200 || !reply.body().isObject()) {
            unchecked.add("the server's invariant check (GET /api/v1/admin/invariants answered " + reply.label() + ")");
            return "unavailable: " + reply.describe();
        }
        var body = reply.body();
        boolean anyCounted = false;
        for (var violation : body.path("violations").properties()) {
            long count = violation.getValue().longValue(0);
            if (count != 0) {
                anyCounted = true;
                violations.add("server: " + violation.getKey() + " = " + count);
            }
        }
        if (!body.path("ok").booleanValue(false) && !anyCounted) {
            violations.add("server: ok is not true");
        }
        return body.toString();
    }

    private static void paidTicketsAreUnique(OrderLedger ledger, List<String> violations) {
        var duplicates = ledger.ticketsInSeveralPaidOrders();
        duplicates.entrySet().stream()
                .limit(LISTED_AT_MOST)
                .forEach(duplicate -> violations.add(
                        "client: ticket " + duplicate.getKey() + " is in paid orders " + duplicate.getValue()));
        if (duplicates.size() > LISTED_AT_MOST) {
            violations.add("client: ... and " + (duplicates.size() - LISTED_AT_MOST) + " more tickets sold twice");
        }
    }

    private Totals flightCountsAddUp(
            FlightBoard board, OrderLedger ledger, List<String> violations, List<String> unchecked)
            throws InterruptedException {
        var paidSeen = ledger.paidTicketsByFlight();
        var permits = new Semaphore(PARALLEL_READS);
        var reads = new ArrayList<Callable<@Nullable FlightCounts>>();
        for (var flight : board.flights()) {
            reads.add(() -> {
                permits.acquire();
                try {
                    return api.flightCounts(flight.id());
                } finally {
                    permits.release();
                }
            });
        }
        long capacity = 0, available = 0, held = 0, sold = 0;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = executor.invokeAll(reads);
            for (int i = 0; i < results.size(); i++) {
                var flight = board.flights().get(i);
                var counts = results.get(i).get();
                if (counts == null) {
                    unchecked.add("the counts of flight " + flight.id() + " (it could not be read)");
                    continue;
                }
                long flightSold = 0;
                for (var zone : counts.zones()) {
                    if (!zone.addsUp()) {
                        violations.add(String.format(
                                Locale.ROOT,
                                "client: flight %s zone %s: available %d + held %d + sold %d != capacity %d",
                                flight.id(),
                                zone.code(),
                                zone.available(),
                                zone.held(),
                                zone.sold(),
                                zone.capacity()));
                    }
                    capacity += zone.capacity();
                    available += zone.available();
                    held += zone.held();
                    sold += zone.sold();
                    flightSold += zone.sold();
                }
                long paid = paidSeen.getOrDefault(flight.id(), 0L);
                if (flightSold < paid) {
                    violations.add("client: flight " + flight.id() + " counts " + flightSold
                            + " sold, but the runner saw " + paid + " tickets paid");
                }
            }
        } catch (ExecutionException e) {
            unchecked.add("the flight counts (" + e.getCause() + ")");
        }
        return new Totals(capacity, available, held, sold);
    }
}
