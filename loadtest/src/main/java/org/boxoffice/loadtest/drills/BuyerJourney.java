package org.boxoffice.loadtest.drills;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One buyer: holds one ticket and pays for it, as a careful client would. A call that got no
 * answer, or a 5xx, is sent again with the same idempotency key after a pause (the server may
 * be restarting); a declined payment is tried again with a new key, up to three times; a
 * pending payment is polled until it settles. Every answer that shows the order {@code PAID} is
 * written to the ledger.
 */
final class BuyerJourney {

    private static final Set<String> NORMAL_REFUSALS = Set.of("SOLD_OUT", "ORDER_LIMIT", "TICKET_LIMIT");
    private static final int PAYMENT_ATTEMPTS = 3;
    private static final String IN_USE = "IDEMPOTENCY_KEY_IN_USE";

    private final DrillHttp http;
    private final UUID eventId;
    private final PaidLedger ledger;
    private final BuyerTally tally;
    private final long deadline;

    BuyerJourney(DrillHttp http, UUID eventId, PaidLedger ledger, BuyerTally tally, long deadlineNanos) {
        this.http = http;
        this.eventId = eventId;
        this.ledger = ledger;
        this.tally = tally;
        this.deadline = deadlineNanos;
    }

    void buy(String token) throws InterruptedException {
        var order = hold(token);
        if (order == null) {
            return;
        }
        var orderId = UUID.fromString(order.path("id").asString());
        ledger.created(orderId, token);
        tally.ended(pay(token, orderId));
    }

    private @Nullable JsonNode hold(String token) throws InterruptedException {
        var key = UUID.randomUUID().toString();
        var body = Map.of("eventId", eventId.toString(), "zone", "FLOOR", "quantity", 1);
        while (beforeDeadline()) {
            var answer = http.post("/api/v1/orders", token, key, body);
            tally.answered("HOLD", answer);
            if (answer.status() == 201) {
                return answer.body();
            }
            if (answer.status() == 409 && NORMAL_REFUSALS.contains(answer.code())) {
                tally.ended(BuyerTally.Outcome.SOLD_OUT);
                return null;
            }
            tally.abnormal("HOLD", answer);
            if (IN_USE.equals(answer.code())) {
                // The first request with this key died with the server: if it held, the order is
                // the buyer's; if not, hold again under a new key.
                var live = liveOrder(token);
                if (live != null) {
                    return live;
                }
                key = UUID.randomUUID().toString();
            }
            pause(answer);
        }
        tally.ended(BuyerTally.Outcome.UNFINISHED);
        return null;
    }

    private BuyerTally.Outcome pay(String token, UUID orderId) throws InterruptedException {
        var path = "/api/v1/orders/" + orderId + "/payments";
        for (int attempt = 1; attempt <= PAYMENT_ATTEMPTS; attempt++) {
            var key = UUID.randomUUID().toString();
            while (beforeDeadline()) {
                var answer = http.post(path, token, key, Map.of("method", "card"));
                tally.answered("PAY", answer);
                if (answer.status() == 200 && ledger.sawOrder(token, answer.body())) {
                    return BuyerTally.Outcome.PAID;
                }
                if (answer.status() == 202) {
                    return settle(token, orderId);
                }
                if (answer.status() == 402) {
                    break;
                }
                if (answer.status() == 409 && !IN_USE.equals(answer.code())) {
                    return settle(token, orderId);
                }
                tally.abnormal("PAY", answer);
                if (IN_USE.equals(answer.code())) {
                    // The first request with this key died with the server. Read the order: if it is
                    // still payable and nothing is pending, the buyer presses "pay" again (a new
                    // key); the server must not charge twice.
                    var outcome = settle(token, orderId);
                    if (outcome != BuyerTally.Outcome.DECLINED) {
                        return outcome;
                    }
                    break;
                }
                pause(answer);
            }
        }
        return beforeDeadline() ? BuyerTally.Outcome.DECLINED : BuyerTally.Outcome.UNFINISHED;
    }

    /** Reads the order until it is no longer pending. */
    private BuyerTally.Outcome settle(String token, UUID orderId) throws InterruptedException {
        while (beforeDeadline()) {
            var answer = http.get("/api/v1/orders/" + orderId, token);
            tally.answered("POLL", answer);
            if (answer.status() == 200) {
                tally.answered(
                        "POLL " + answer.body().path("status").asString("")
                                + (answer.body().path("paymentPending").asBoolean(false) ? " pending" : ""),
                        answer);
                if (ledger.sawOrder(token, answer.body())) {
                    return BuyerTally.Outcome.PAID;
                }
                var status = answer.body().path("status").asString("");
                boolean pending = answer.body().path("paymentPending").asBoolean(false);
                if (!pending && !status.equals("HELD") && !status.equals("PENDING")) {
                    return BuyerTally.Outcome.EXPIRED;
                }
                if (!pending) {
                    return BuyerTally.Outcome.DECLINED;
                }
            } else {
                tally.abnormal("POLL", answer);
            }
            Thread.sleep(500);
        }
        return BuyerTally.Outcome.UNFINISHED;
    }

    /** The buyer's live order for the event, if the server has one. */
    private @Nullable JsonNode liveOrder(String token) throws InterruptedException {
        var answer = http.get("/api/v1/me/orders?status=HELD&size=50", token);
        tally.answered("MY ORDERS", answer);
        for (var order : answer.body().path("items").values()) {
            if (order.path("eventId").asString("").equals(eventId.toString())) {
                return order;
            }
        }
        return null;
    }

    private boolean beforeDeadline() {
        return System.nanoTime() < deadline;
    }

    private static void pause(DrillHttp.Answer answer) throws InterruptedException {
        long millis = 500;
        if (answer.retryAfter() != null) {
            try {
                millis = Math.min(5_000, Long.parseLong(answer.retryAfter()) * 1_000);
            } catch (NumberFormatException e) {
                // an HTTP date: keep the default pause
            }
        }
        Thread.sleep(millis);
    }
}
