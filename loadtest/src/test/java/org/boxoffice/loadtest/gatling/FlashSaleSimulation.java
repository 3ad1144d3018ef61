package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The flash sale: demo travelers, with tokens minted by the administrator, hold 1–4 tickets at a
 * time (best available) in a random zone of the stadium until every zone is sold out or the
 * server turns them away ({@code ORDER_LIMIT}, {@code TICKET_LIMIT}); once nobody holds any more,
 * a share of the orders is paid (the "until sold out, then payment", so the payments'
 * e-ticket signing does not share the CPU with the holds being measured). {@code -Dconcurrency} workers each take the next buyer when their buyer is done. After
 * the run, {@link StadiumAudit} checks the server's counts against the answers; a violation
 * ends the run with exit code 1.
 *
 * <p>{@code -DbaseUrl=http://localhost:8080 -Dstadium=fresh|demo -Dbuyers=10000 -Dconcurrency=500
 * -DrampUp=5 -Dduration=600 -DmaxOrdersPerBuyer=10 -DpayShare=0.1 -DadminPassword=…} ({@code data/admin-password}
 * at the repository root without it). {@code fresh} (the default) creates a new stadium event with
 * the demo stadium's zones and rules loose enough ({@code maxTicketsPerUser} 1000,
 * {@code maxActiveOrdersPerUser} 100, the API's maximum; holds kept an hour) that a run always
 * starts from 100,000 available tickets and can sell them all; {@code demo} sells the demo
 * stadium under its default rules (3 live orders and 10 tickets per traveler). After
 * {@code -Dduration} seconds (a bound, not a target) no buyer starts another hold.
 */
public final class FlashSaleSimulation extends Simulation {

    static final String HOLD = "hold";
    static final String PAY = "pay";

    private final String baseUrl = Settings.baseUrl();
    private final int maxOrdersPerBuyer = Settings.number("maxOrdersPerBuyer", 10);
    private final Duration duration = Settings.seconds("duration", 600);
    private final double payShare = Settings.fraction("payShare", 0.1);
    private final AdminClient admin = new AdminClient(baseUrl).login(Settings.adminEmail(), Settings.adminPassword());
    private final String eventId = stadium(Settings.text("stadium", "fresh"));
    private final List<String> tokens = mintTokens(Settings.number("buyers", 10_000));
    private final AtomicInteger nextBuyer = new AtomicInteger();
    private final Queue<Payment> toPay = new ConcurrentLinkedQueue<>();
    private final SaleTally tally = new SaleTally();
    private final StadiumAudit audit = new StadiumAudit(admin, eventId, tally);

    {
        audit.recordStart();
        setUp(scenario("flash sale")
                        .exec(session -> {
                            tally.started();
                            return session;
                        })
                        .exec(asLongAs(session -> !tally.allSoldOut()
                                        && !tally.runningLongerThan(duration)
                                        && nextBuyer.get() < tokens.size())
                                .on(exec(this::takeNextBuyer).exec(buyer())))
                        .exec(payments())
                        .injectOpen(
                                rampUsers(Settings.number("concurrency", 500)).during(Settings.seconds("rampUp", 5))))
                .protocols(http.baseUrl(baseUrl).acceptHeader("application/json"))
                .assertions(details(HOLD).failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        boolean invariantsHeld = audit.check();
        Figures.print();
        var sellOut = tally.timeToSellOut();
        System.out.printf(
                java.util.Locale.ROOT,
                "FIGURES name=\"sell out\" seconds=%.2f tickets=%d ticketRate=%.1f invariants=%s%n",
                sellOut.toMillis() / 1000.0,
                tally.ticketsHeld(),
                sellOut.isZero() ? 0.0 : tally.ticketsHeld() / (sellOut.toMillis() / 1000.0),
                invariantsHeld ? "HELD" : "VIOLATED");
        if (!invariantsHeld) {
            // The report of a run that broke an invariant is not a benchmark; fail loudly instead.
            System.out.flush();
            System.exit(1);
        }
    }

    private String stadium(String mode) {
        return switch (mode) {
            case "demo" -> admin.demoStadiumId();
            case "fresh" -> {
                var rules = AdminClient.object();
                rules.put("holdTtlSeconds", 3600);
                rules.put("maxTicketsPerUser", 1000);
                rules.put("maxActiveOrdersPerUser", 100);
                yield admin.createStadium("Flash sale " + Instant.now(), rules);
            }
            default -> throw new IllegalArgumentException("-Dstadium= is fresh or demo, not " + mode);
        };
    }

    /** Tokens for traveler00001 … , 1,000 emails per call (the server's body limit fits about 1,800). */
    private List<String> mintTokens(int buyers) {
        var minted = new ArrayList<String>();
        for (int from = 1; from <= buyers; from += 1000) {
            var emails = IntStream.rangeClosed(from, Math.min(buyers, from + 999))
                    .mapToObj(n -> "traveler%05d@demo.boxoffice.org".formatted(n))
                    .toList();
            minted.addAll(admin.mintTokens(emails));
        }
        return List.copyOf(minted);
    }

    private Session takeNextBuyer(Session session) {
        int buyer = nextBuyer.getAndIncrement();
        if (buyer >= tokens.size()) {
            return session.set("buying", false).set("orders", List.of());
        }
        return session.set("token", tokens.get(buyer)).set("buying", true).set("orders", List.of());
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
        return session.set("token", next.token()).set("orderId", next.orderId());
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
                .then(exec(http(HOLD)
                                .post("/api/v1/orders")
                                .header("Authorization", "Bearer #{token}")
                                .header(
                                        "Idempotency-Key",
                                        session -> UUID.randomUUID().toString())
                                .body(StringBody("{\"eventId\":\"" + eventId
                                        + "\",\"zone\":\"#{zone}\",\"quantity\":#{quantity}}"))
                                .asJson()
                                .check(
                                        status().saveAs("status"),
                                        status().in(201, 409),
                                        jsonPath("$.code").optional().saveAs("code"),
                                        jsonPath("$.id").optional().saveAs("orderId"),
                                        jsonPath("$.items[*]").count().saveAs("tickets"),
                                        Figures.responseTime()))
                        .exec(Figures.record(HOLD)));
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
                .forEach(order -> toPay.add(new Payment(session.getString("token"), order)));
        return session;
    }

    private record Payment(String token, String orderId) {}

    private ChainBuilder pay() {
        return exec(http(PAY)
                        .post("/api/v1/orders/#{orderId}/payments")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody("{\"method\":\"card\"}"))
                        .asJson()
                        .check(
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
