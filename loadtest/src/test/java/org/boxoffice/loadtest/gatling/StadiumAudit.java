package org.boxoffice.loadtest.gatling;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * After the flash sale: the server's own invariant check ({@code GET /admin/invariants}) and ours,
 * from the event's counts ({@code GET /events/{id}}): in every zone available + held + sold =
 * capacity, and the tickets held or sold since the start equal the tickets in successful hold
 * answers. Counts may lag a write by a second, so it reads them a little after the last one.
 */
final class StadiumAudit {

    private static final long COUNTS_LAG_MILLIS = 1_500;

    private final AdminClient admin;
    private final String eventId;
    private final SaleTally tally;
    private long bookedAtStart;

    StadiumAudit(AdminClient admin, String eventId, SaleTally tally) {
        this.admin = admin;
        this.eventId = eventId;
        this.tally = tally;
    }

    /** Notes the tickets already held or sold (none on a fresh stadium). */
    void recordStart() {
        bookedAtStart = booked(admin.event(eventId));
    }

    /** Prints the figures and the verdict; true when every invariant holds. */
    boolean check() {
        pause();
        var invariants = admin.invariants(eventId);
        var event = admin.event(eventId);
        var violations = new ArrayList<String>();
        if (!invariants.path("ok").asBoolean(false)) {
            violations.add("server invariants: " + invariants.path("violations"));
        }
        System.out.println();
        System.out.println("=== flash sale on event " + eventId + " ===");
        System.out.printf(
                "%-14s %9s %9s %9s %9s %12s%n", "zone", "capacity", "available", "held", "sold", "in answers");
        for (var zone : event.path("zones")) {
            checkZone(zone, violations);
        }
        long bookedNow = booked(event);
        long answered = tally.ticketsHeld();
        System.out.printf(
                "tickets in successful hold answers: %d; held + sold on the server: %d (%d before the run)%n",
                answered, bookedNow, bookedAtStart);
        if (tally.unexpectedAnswers() > 0) {
            // An unanswered hold may or may not have happened: only a lower bound can be checked.
            System.out.println("requests without an answer or with a 5xx: " + tally.unexpectedAnswers());
            if (bookedNow - bookedAtStart < answered) {
                violations.add("held + sold grew by " + (bookedNow - bookedAtStart) + " < " + answered + " answered");
            }
        } else if (bookedNow - bookedAtStart != answered) {
            violations.add("held + sold grew by " + (bookedNow - bookedAtStart) + " but answers gave " + answered);
        }
        var soldOut = tally.timeToSellOut();
        System.out.println(
                soldOut.isZero()
                        ? "not sold out"
                        : "sold out after " + soldOut.toMillis() / 1000.0
                                + " s (first hold to last zone refusing one ticket)");
        tally.answers().forEach((answer, count) -> System.out.printf("  %-40s %8d%n", answer, count));
        System.out.println("server invariants: " + invariants);
        return verdict(violations);
    }

    private void checkZone(JsonNode zone, List<String> violations) {
        long capacity = zone.path("capacity").asLong();
        long available = zone.path("available").asLong();
        long held = zone.path("held").asLong();
        long sold = zone.path("sold").asLong();
        var code = zone.path("code").asString();
        int index = Stadium.ZONES.indexOf(code);
        System.out.printf(
                "%-14s %9d %9d %9d %9d %12s%n",
                code, capacity, available, held, sold, index < 0 ? "-" : Long.toString(tally.ticketsHeld(index)));
        if (available + held + sold != capacity) {
            violations.add(code + ": available " + available + " + held " + held + " + sold " + sold + " != capacity "
                    + capacity);
        }
    }

    private static boolean verdict(List<String> violations) {
        if (violations.isEmpty()) {
            System.out.println("INVARIANTS: HELD");
            return true;
        }
        violations.forEach(violation -> System.out.println("VIOLATION: " + violation));
        System.out.println("INVARIANTS: VIOLATED");
        return false;
    }

    private static long booked(JsonNode event) {
        long booked = 0;
        for (var zone : event.path("zones")) {
            booked += zone.path("held").asLong() + zone.path("sold").asLong();
        }
        return booked;
    }

    private static void pause() {
        try {
            Thread.sleep(COUNTS_LAG_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
