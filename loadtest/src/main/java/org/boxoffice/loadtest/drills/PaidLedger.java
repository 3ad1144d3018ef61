package org.boxoffice.loadtest.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * What the buyers saw: every order they created (with the buyer's token) and, for those they
 * saw {@code PAID}, the tickets it had then. Written to a file so that a later check, after the
 * server was killed and restarted, compares the server's answers with it.
 */
final class PaidLedger {

    record Entry(UUID orderId, String token, List<UUID> paidTickets) {

        boolean seenPaid() {
            return !paidTickets.isEmpty();
        }
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    void created(UUID orderId, String token) {
        entries.putIfAbsent(orderId, new Entry(orderId, token, List.of()));
    }

    /** Records the order if {@code order} shows it {@code PAID}; true when it does. */
    boolean sawOrder(String token, JsonNode order) {
        if (!"PAID".equals(order.path("status").asString(""))) {
            return false;
        }
        var orderId = UUID.fromString(order.path("id").asString());
        entries.put(orderId, new Entry(orderId, token, tickets(order)));
        return true;
    }

    static List<UUID> tickets(JsonNode order) {
        var tickets = new TreeSet<UUID>();
        for (var item : order.path("items").values()) {
            if (item.path("ticketId").isString()) {
                tickets.add(UUID.fromString(item.path("ticketId").asString()));
            }
        }
        return List.copyOf(tickets);
    }

    long paid() {
        return entries.values().stream().filter(Entry::seenPaid).count();
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    void write(Path file) throws IOException {
        var lines = new ArrayList<String>();
        for (var entry : entries.values()) {
            var tickets = entry.paidTickets().stream().map(UUID::toString).toList();
            lines.add(entry.orderId() + " " + entry.token() + " "
                    + (tickets.isEmpty() ? "-" : String.join(",", tickets)));
        }
        Files.write(file, lines);
    }

    static PaidLedger read(Path file) throws IOException {
        var ledger = new PaidLedger();
        for (var line : Files.readAllLines(file)) {
            var parts = line.split(" ");
            var tickets = parts[2].equals("-")
                    ? List.<UUID>of()
                    : java.util.Arrays.stream(parts[2].split(","))
                            .map(UUID::fromString)
                            .toList();
            var orderId = UUID.fromString(parts[0]);
            ledger.entries.put(orderId, new Entry(orderId, parts[1], tickets));
        }
        return ledger;
    }
}
