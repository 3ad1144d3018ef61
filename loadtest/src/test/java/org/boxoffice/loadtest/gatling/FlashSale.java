package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The flash sale's buyers (see {@link FlashSaleSimulation}), as a scenario other simulations run
 * too: {@link IsolationSimulation} runs it beside a second group of buyers. With {@code
 * admitPerSecond > 0} the stadium's waiting room is on: each buyer first joins its queue, reads its
 * entry as often as {@code pollAfterSeconds} says until admitted, and holds with its admission
 * token; a buyer still waiting when {@code duration} has passed leaves without holding.
 */
final class FlashSale {

    static final String HOLD = "hold";
    static final String PAY = "pay";
    static final String JOIN = "join";
    static final String QUEUE_STATUS = "queue status";

    private final String eventId;
    private final List<String> tokens;
    private final int maxOrdersPerBuyer;
    private final Duration duration;
    private final double payShare;
    private final int admitPerSecond;
    private final AtomicInteger nextBuyer = new AtomicInteger();
    /** Buyers taken and not yet done (waiting in the queue or holding). */
    private final AtomicInteger buyersAtWork = new AtomicInteger();

    private final Queue<Payment> toPay = new ConcurrentLinkedQueue<>();
    private final SaleTally tally = new SaleTally();
    private final StadiumAudit audit;

    FlashSale(
            AdminClient admin,
            String eventId,
            List<String> tokens,
            Duration duration,
            double payShare,
            int admitPerSecond) {
        this.eventId = eventId;
        this.tokens = tokens;
        this.maxOrdersPerBuyer = Settings.number("maxOrdersPerBuyer", 10);
        this.duration = duration;
        this.payShare = payShare;
        this.admitPerSecond = admitPerSecond;
        this.audit = new StadiumAudit(admin, eventId, tally);
    }

    /** The rules of a fresh stadium: loose enough that 10,000 buyers can buy all of it. */
    static Map<String, Object> freshRules() {
        var rules = AdminClient.object();
        rules.put("holdTtlSeconds", 3600);
        rules.put("maxTicketsPerUser", 1000);
        rules.put("maxActiveOrdersPerUser", 100);
        return rules;
    }

    /** Turns the stadium's waiting room on (when asked to) and checks that its queue answers. */
    void prepare(AdminClient admin) {
        if (admitPerSecond > 0) {
            admin.patchRules(eventId, WaitingRoom.on(freshRules(), admitPerSecond));
            WaitingRoom.requireQueue(admin, eventId, tokens.getFirst());
        }
        audit.recordStart();
    }

    SaleTally tally() {
        return tally;
    }

    /** Whether the sale is over: every zone sold out or {@code duration} passed since the first buyer. */
    boolean over() {
        return tally.allSoldOut() || tally.runningLongerThan(duration);
    }

    /** The buyers, as a scenario named {@code name}: inject as many as there should be workers. */
    ScenarioBuilder buyers(String name) {
        return scenario(name)
                .exec(session -> {
                    tally.started();
                    return session;
                })
                .exec(asLongAs(session -> !over() && nextBuyer.get() < tokens.size())
                        .on(exec(this::takeNextBuyer)
                                .exec(admission())
                                .exec(buyer())
                                .exec(this::buyerDone)))
                .exec(payments());
    }

    /** Checks the sale's counts and prints its figures; false when an invariant was broken. */
    boolean audit() {
        boolean invariantsHeld = audit.check();
        var sellOut = tally.timeToSellOut();
        System.out.printf(
                java.util.Locale.ROOT,
                "FIGURES name=\"sell out\" seconds=%.2f tickets=%d ticketRate=%.1f invariants=%s from=%d to=%d%n",
                sellOut.toMillis() / 1000.0,
                tally.ticketsHeld(),
                sellOut.isZero() ? 0.0 : tally.ticketsHeld() / (sellOut.toMillis() / 1000.0),
                invariantsHeld ? "HELD" : "VIOLATED",
                tally.startedAtSecond(),
                tally.soldOutAtSecond());
        return invariantsHeld;
    }

    /**
     * Whether buyers are still at it: the sale is not over and some buyer has yet to start or to
     * finish. A sale of fewer buyers than tickets stops selling before it is over.
     */
    boolean selling() {
        return !over() && (nextBuyer.get() < tokens.size() || buyersAtWork.get() > 0);
    }

    private Session buyerDone(Session session) {
        if (session.getBoolean("atWork")) {
            buyersAtWork.decrementAndGet();
        }
        return session.set("atWork", false);
    }

    private Session takeNextBuyer(Session session) {
        int buyer = nextBuyer.getAndIncrement();
        if (buyer < tokens.size()) {
            buyersAtWork.incrementAndGet();
        }
        var fresh = session.remove("admissionToken").remove("queueId").remove("pollAfter");
        if (buyer >= tokens.size()) {
            return fresh.set("buying", false).set("atWork", false).set("orders", List.of());
        }
        return fresh.set("token", tokens.get(buyer))
                .set("atWork", true)
                .set("address", WaitingRoom.address(buyer + 1))
                .set("buying", true)
                .set("orders", List.of());
    }

    /** With the waiting room on: join, wait to be admitted; a buyer not admitted in time does not buy. */
    private ChainBuilder admission() {
        return doIf(session -> admitPerSecond > 0 && session.getBoolean("buying"))
                .then(exec(WaitingRoom.join(JOIN, eventId))
                        .exec(WaitingRoom.untilAdmitted(QUEUE_STATUS, eventId, this::over))
                        .exec(session -> session.set("buying", session.contains("admissionToken"))));
    }

    /** Holds until refused, then pays a share of the orders. */
    private ChainBuilder buyer() {
        return asLongAs(session -> session.getBoolean("buying"))
                .on(exec(this::chooseHold).exec(hold()).exec(this::recordHold))
                .exec(this::choosePayments);
    }

    /** After the sale: the workers pay the chosen orders, each with its buyer's token. */
    private ChainBuilder payments() {
        return asLongAs(session -> !toPay.isEmpty())
                .on(exec(this::takeNextPayment)
                        .exec(doIf(session -> session.contains("orderId")).then(pay())));
    }

    private Session takeNextPayment(Session session) {
        var next = toPay.poll();
        if (next == null) {
            return session.remove("orderId");
        }
        return session.set("token", next.token()).set("address", next.address()).set("orderId", next.orderId());
    }

    private Session chooseHold(Session session) {
        int zone = tally.pickZone();
        if (zone < 0) {
            return session.set("buying", false).set("skipHold", true);
        }
        return session.remove("status")
                .remove("code")
                .remove("orderId")
                .set("skipHold", false)
                .set("zoneIndex", zone)
                .set("zone", Stadium.ZONES.get(zone))
                .set("quantity", tally.pickQuantity(zone));
    }

    private ChainBuilder hold() {
        return doIf(session -> !session.getBoolean("skipHold"))
                .then(exec(holdRequest()
                                .body(StringBody("{\"eventId\":\"" + eventId
                                        + "\",\"zone\":\"#{zone}\",\"quantity\":#{quantity}}"))
                                .asJson()
                                .check(
                                        Figures.answer(),
                                        status().saveAs("status"),
                                        status().in(201, 409),
                                        jsonPath("$.code").optional().saveAs("code"),
                                        jsonPath("$.id").optional().saveAs("orderId"),
                                        jsonPath("$.items[*]").count().saveAs("tickets"),
                                        Figures.responseTime()))
                        .exec(Figures.record(HOLD)));
    }

    private HttpRequestActionBuilder holdRequest() {
        var hold = http(HOLD)
                .post("/api/v1/orders")
                .header("Authorization", "Bearer #{token}")
                .header("X-Forwarded-For", "#{address}")
                .header("Idempotency-Key", session -> UUID.randomUUID().toString());
        return admitPerSecond > 0 ? hold.header("X-Admission-Token", "#{admissionToken}") : hold;
    }

    private Session recordHold(Session session) {
        if (session.getBoolean("skipHold")) {
            return session;
        }
        int status = session.contains("status") ? session.getInt("status") : 0;
        String code = session.contains("code") ? session.getString("code") : "";
        tally.answered(HOLD, status, code);
        int zone = session.getInt("zoneIndex");
        if (status == 201) {
            tally.held(zone, session.getInt("tickets"));
            var orders = new ArrayList<String>(session.getList("orders"));
            orders.add(session.getString("orderId"));
            return session.set("orders", orders)
                    .set("buying", orders.size() < maxOrdersPerBuyer && !tally.runningLongerThan(duration));
        }
        if (status == 409 && "SOLD_OUT".equals(code)) {
            tally.soldOut(zone, session.getInt("quantity"));
            return session.set("buying", !tally.allSoldOut() && !tally.runningLongerThan(duration));
        }
        // ORDER_LIMIT, TICKET_LIMIT, anything unexpected: this buyer is done.
        return session.set("buying", false);
    }

    private Session choosePayments(Session session) {
        List<String> orders = session.getList("orders");
        var random = ThreadLocalRandom.current();
        orders.stream()
                .filter(order -> random.nextDouble() < payShare)
                .forEach(order ->
                        toPay.add(new Payment(session.getString("token"), session.getString("address"), order)));
        return session;
    }

    private record Payment(String token, String address, String orderId) {}

    private ChainBuilder pay() {
        return exec(http(PAY)
                        .post("/api/v1/orders/#{orderId}/payments")
                        .header("Authorization", "Bearer #{token}")
                        .header("X-Forwarded-For", "#{address}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody("{\"method\":\"card\"}"))
                        .asJson()
                        .check(
                                Figures.answer(),
                                status().saveAs("payStatus"),
                                status().in(200, 202, 402, 409),
                                jsonPath("$.code").optional().saveAs("payCode"),
                                Figures.responseTime()))
                .exec(Figures.record(PAY))
                .exec(session -> {
                    tally.answered(
                            PAY,
                            session.contains("payStatus") ? session.getInt("payStatus") : 0,
                            session.contains("payCode") ? session.getString("payCode") : "");
                    return session.remove("payStatus").remove("payCode");
                });
    }
}
