package org.boxoffice.loadtest.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every order the runner saw, with the last state the server answered for it and the token of
 * its traveler (to read it again). The client-side invariant checks work from this ledger, so it
 * also remembers which orders it is unsure about: those are read again before the checks.
 */
final class OrderLedger {

    /** @param certain false when a change to the order was sent but its answer never came */
    record Entry(String token, OrderSnapshot order, boolean certain) {

        boolean needsReading() {
            return !certain || order.unsettled();
        }
    }

    private final Map<UUID, Entry> orders = new ConcurrentHashMap<>();

    void saw(String token, OrderSnapshot order) {
        orders.put(order.id(), new Entry(token, order, true));
    }

    /** A change (pay, cancel) was sent for this order but no definite answer came back. */
    void lostTrackOf(String token, OrderSnapshot lastKnown) {
        orders.put(lastKnown.id(), new Entry(token, lastKnown, false));
    }

    List<Entry> needingReading() {
        return orders.values().stream().filter(Entry::needsReading).toList();
    }

    int size() {
        return orders.size();
    }

    /** Ticket ids that are in more than one order the runner last saw as PAID, with those orders. */
    Map<UUID, List<UUID>> ticketsInSeveralPaidOrders() {
        var paidOrdersByTicket = new HashMap<UUID, List<UUID>>();
        for (var entry : orders.values()) {
            if (entry.order().status() == OrderStatus.PAID) {
                for (var ticketId : entry.order().ticketIds()) {
                    paidOrdersByTicket
                            .computeIfAbsent(ticketId, id -> new ArrayList<>())
                            .add(entry.order().id());
                }
            }
        }
        paidOrdersByTicket.values().removeIf(paidOrders -> paidOrders.size() < 2);
        return paidOrdersByTicket;
    }

    /** Tickets in orders last seen PAID, per flight: the server must count at least as many sold. */
    Map<UUID, Long> paidTicketsByFlight() {
        var paid = new HashMap<UUID, Long>();
        for (var entry : orders.values()) {
            if (entry.order().status() == OrderStatus.PAID) {
                paid.merge(
                        entry.order().eventId(),
                        (long) entry.order().ticketIds().size(),
                        Long::sum);
            }
        }
        return paid;
    }
}
