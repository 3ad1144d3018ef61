package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The waiting room at scale: {@code -Dusers} (100,000) demo travelers join one event's queue, wait
 * in it, then are admitted and hold. On a fresh event of 100,000 standing tickets whose waiting
 * room admits one person a second until the admission phase:
 *
 * <ol>
 *   <li>{@code warm-up: hold}: {@code -DwarmUpHolders} (200) users each hold one ticket a second on
 *       another event for {@code -DwarmUp} (30) seconds, not judged: a fresh server's first holds
 *       compile the hold path, which a server in a real sale has long done;
 *   <li>{@code join}: {@code -Djoiners} (200) workers, a closed model, each taking the next user
 *       until every user joined once (201);
 *   <li>{@code queue status (closed)}: {@code -DclosedUsers} (100) users read random entries as fast
 *       as they can for {@code -Dclosed} (20) seconds: the status read's capacity, for comparison with
 *       the baseline request (the same concurrency as {@code BaselineSimulation}'s);
 *   <li>the sale: the waiting room is set to admit {@code -DadmitPerSecond} a second, and every user
 *       starts (over {@code -DrampUp}, 10 s) reading its entry ({@code queue status (first)}) and
 *       then again after each {@code pollAfterSeconds} the server asks for ({@code queue status
 *       (ramp-up)} until the last user started, then {@code queue status (paced)} for {@code
 *       -Dadmission} (30) seconds: the rate a crowd that honours the server's pacing sends while
 *       the line moves); a user once admitted holds one ticket with its admission token ({@code
 *       admitted hold}) and leaves.
 * </ol>
 *
 * <p>The rate is set before the crowd's first looks, as in a sale that admits at one rate from its
 * opening: a crowd first paced for one a second and then admitted at another would come back when
 * the old rate said, long after its turn.
 *
 * Every user sends its own {@code X-Forwarded-For}. On a server without the waiting room the
 * simulation stops before its first request, naming {@link WaitingRoom#NOT_THERE}.
 */
public final class QueueSimulation extends Simulation {

    static final String JOIN = "join";
    static final String FIRST = "queue status (first)";
    static final String RAMP_UP = "queue status (ramp-up)";
    static final String PACED = "queue status (paced)";
    static final String CLOSED = "queue status (closed)";
    static final String ADMITTED_HOLD = "admitted hold";
    static final String WARM_UP_HOLD = "warm-up: hold";

    private final String baseUrl = Settings.baseUrl();
    private final AdminClient admin = new AdminClient(baseUrl).login(Settings.adminEmail(), Settings.adminPassword());
    private final int users = Settings.number("users", 100_000);
    private final int admitPerSecond = Settings.number("admitPerSecond", 300);
    private final Duration admission = Settings.seconds("admission", 30);
    private final String eventId = admin.createStandingEvent("Queue " + Instant.now(), 100_000, FlashSale.freshRules());
    private final String warmUpEventId =
            admin.createStandingEvent("Queue warm-up " + Instant.now(), 100_000, FlashSale.freshRules());
    private final List<String> tokens = admin.travelerTokens(1, users, 5000);
    private final AtomicReferenceArray<String> queueIds = new AtomicReferenceArray<>(users);
    private final AtomicInteger nextJoiner = new AtomicInteger();
    private final AtomicInteger nextCrowdUser = new AtomicInteger();
    private final AtomicInteger nextWarmUpUser = new AtomicInteger();
    private final AtomicLong admittedHolds = new AtomicLong();
    private final Duration rampUp = Settings.seconds("rampUp", 10);
    private final AtomicLong crowdStartNanos = new AtomicLong();

    {
        admin.patchRules(eventId, WaitingRoom.on(FlashSale.freshRules(), 1));
        WaitingRoom.requireQueue(admin, eventId, tokens.getFirst());
        var crowd = crowd().injectOpen(rampUsers(users).during(rampUp));
        var closed = closedPolls()
                .injectOpen(atOnceUsers(Settings.number("closedUsers", 100)))
                .andThen(crowd);
        var joins =
                joins().injectOpen(atOnceUsers(Settings.number("joiners", 200))).andThen(closed);
        setUp(warmUp().injectOpen(atOnceUsers(Settings.number("warmUpHolders", 200)))
                        .andThen(joins))
                .protocols(
                        http.baseUrl(baseUrl).acceptHeader("application/json").shareConnections())
                .assertions(
                        details(JOIN).failedRequests().count().is(0L),
                        details(ADMITTED_HOLD).failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        Figures.print();
        System.out.printf(
                Locale.ROOT,
                "FIGURES name=\"admission\" admitPerSecond=%d seconds=%d admittedHolds=%d%n",
                admitPerSecond,
                admission.toSeconds(),
                admittedHolds.get());
    }

    /** Holds on another event, one a second per user, before anything is measured. */
    private ScenarioBuilder warmUp() {
        return scenario("warm-up")
                .exec(session -> user(session, nextWarmUpUser.getAndIncrement() % users))
                .exec(during(Settings.seconds("warmUp", 30))
                        .on(pace(Duration.ofSeconds(1))
                                .exec(http(WARM_UP_HOLD)
                                        .post("/api/v1/orders")
                                        .header("Authorization", "Bearer #{token}")
                                        .header("X-Forwarded-For", "#{address}")
                                        .header(
                                                "Idempotency-Key",
                                                session -> UUID.randomUUID().toString())
                                        .body(StringBody("{\"eventId\":\"" + warmUpEventId
                                                + "\",\"zone\":\"FLOOR\",\"quantity\":1}"))
                                        .asJson()
                                        .check(Figures.answer(), Figures.responseTime(), status().is(201)))
                                .exec(Figures.record(WARM_UP_HOLD))));
    }

    /** Every user joins once, a closed model of workers taking the next user. */
    private ScenarioBuilder joins() {
        return scenario("joins")
                .exec(asLongAs(session -> nextJoiner.get() < users)
                        .on(exec(this::takeNextJoiner)
                                .exec(doIf(session -> session.getInt("user") >= 0)
                                        .then(exec(WaitingRoom.join(JOIN, eventId))
                                                .exec(this::rememberEntry)))));
    }

    /** Reads of random entries, as fast as the workers can. */
    private ScenarioBuilder closedPolls() {
        return scenario("closed polls")
                .exec(during(Settings.seconds("closed", 20))
                        .on(exec(session -> user(
                                        session, ThreadLocalRandom.current().nextInt(users)))
                                .exec(WaitingRoom.poll(CLOSED, eventId))));
    }

    /**
     * Each user reads its entry after every wait the server asks for; once the waiting room admits
     * at the measured rate, a user with an admission token holds and leaves.
     */
    private ScenarioBuilder crowd() {
        return scenario("crowd")
                .exec(session -> {
                    startSale();
                    return user(session, nextCrowdUser.getAndIncrement() % users);
                })
                .exec(doIf(session -> session.contains("queueId")).then(WaitingRoom.poll(FIRST, eventId)))
                .exec(doIf(session -> session.contains("admissionToken")).then(hold()))
                .exec(asLongAs(session -> session.contains("queueId") && !session.contains("held") && !crowdOver())
                        .on(pause(session -> untilCrowdOver(WaitingRoom.pollAfter(session)))
                                .exec(doIf(session -> !crowdOver())
                                        .then(doIfOrElse(session -> rampingUp())
                                                .then(WaitingRoom.poll(RAMP_UP, eventId))
                                                .orElse(WaitingRoom.poll(PACED, eventId))))
                                .exec(doIf(session -> session.contains("admissionToken"))
                                        .then(hold()))));
    }

    /** The first user of the crowd sets the waiting room to the rate being measured. */
    private void startSale() {
        if (crowdStartNanos.get() == 0) {
            synchronized (crowdStartNanos) {
                if (crowdStartNanos.get() == 0) {
                    admin.patchRules(eventId, WaitingRoom.on(FlashSale.freshRules(), admitPerSecond));
                    crowdStartNanos.set(System.nanoTime());
                }
            }
        }
    }

    private boolean rampingUp() {
        return sinceCrowdStart() < rampUp.toNanos();
    }

    private long sinceCrowdStart() {
        long start = crowdStartNanos.get();
        return start == 0 ? 0 : System.nanoTime() - start;
    }

    private boolean crowdOver() {
        return sinceCrowdStart() >= rampUp.plus(admission).toNanos();
    }

    /** {@code wait}, or less when the crowd's time is up sooner. */
    private Duration untilCrowdOver(Duration wait) {
        var left = rampUp.plus(admission).minusNanos(sinceCrowdStart());
        return left.isNegative() ? Duration.ZERO : (left.compareTo(wait) < 0 ? left : wait);
    }

    private Session takeNextJoiner(Session session) {
        int user = nextJoiner.getAndIncrement();
        return user < users ? user(session, user) : session.set("user", -1);
    }

    /** The session acts for user {@code index} (traveler number index + 1). */
    private Session user(Session session, int index) {
        var entry = queueIds.get(index);
        var acting = session.set("user", index)
                .set("token", tokens.get(index))
                .set("address", WaitingRoom.address(index + 1))
                .remove("admissionToken")
                .remove("pollAfter");
        return entry == null ? acting.remove("queueId") : acting.set("queueId", entry);
    }

    private Session rememberEntry(Session session) {
        if (session.contains("queueId")) {
            queueIds.set(session.getInt("user"), session.getString("queueId"));
        }
        return session;
    }

    private ChainBuilder hold() {
        return exec(http(ADMITTED_HOLD)
                        .post("/api/v1/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("X-Forwarded-For", "#{address}")
                        .header("X-Admission-Token", "#{admissionToken}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody("{\"eventId\":\"" + eventId + "\",\"zone\":\"FLOOR\",\"quantity\":1}"))
                        .asJson()
                        .check(Figures.answer(), Figures.responseTime(), Figures.serverTime(), status().is(201)))
                .exec(Figures.record(ADMITTED_HOLD, session -> rampingUp() ? "ramp-up" : "after"))
                .exec(session -> {
                    admittedHolds.incrementAndGet();
                    return session.set("held", true);
                });
    }
}
