package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The waiting room at scale: {@code -Dusers} (100,000) demo travelers join one event's queue, then
 * wait in it, then are admitted and hold. On a fresh event of 100,000 standing tickets whose
 * waiting room admits one person a second until the admission phase:
 *
 * <ol>
 *   <li>{@code join}: {@code -Djoiners} (200) workers, a closed model, each taking the next user
 *       until every user joined once (201);
 *   <li>{@code queue status (paced)}: every user reads its entry again after each {@code
 *       pollAfterSeconds} the server asks for, for {@code -Dpaced} (30) seconds (users start over
 *       {@code -DrampUp}, 10 s): the rate a crowd that honours the server's pacing sends;
 *   <li>{@code queue status (closed)}: {@code -DclosedUsers} (100) users read random entries as fast
 *       as they can for {@code -Dclosed} (20) seconds: the status read's capacity, for comparison with
 *       the baseline request (the same concurrency as {@code BaselineSimulation}'s);
 *   <li>{@code admitted hold}: the waiting room is set to admit {@code -DadmitPerSecond} a second;
 *       every user goes on reading its entry (as paced by the server, {@code queue status
 *       (admission)}) and, once admitted, holds one ticket with its admission token, for {@code
 *       -Dadmission} (30) seconds.
 * </ol>
 *
 * Every user sends its own {@code X-Forwarded-For}. On a server without the waiting room the
 * simulation stops before its first request, naming {@link WaitingRoom#NOT_THERE}.
 */
public final class QueueSimulation extends Simulation {

    static final String JOIN = "join";
    static final String PACED = "queue status (paced)";
    static final String CLOSED = "queue status (closed)";
    static final String WAITING = "queue status (admission)";
    static final String ADMITTED_HOLD = "admitted hold";

    private final String baseUrl = Settings.baseUrl();
    private final AdminClient admin = new AdminClient(baseUrl).login(Settings.adminEmail(), Settings.adminPassword());
    private final int users = Settings.number("users", 100_000);
    private final int admitPerSecond = Settings.number("admitPerSecond", 300);
    private final Duration admission = Settings.seconds("admission", 30);
    private final String eventId = admin.createStandingEvent("Queue " + Instant.now(), 100_000, FlashSale.freshRules());
    private final List<String> tokens = admin.travelerTokens(1, users, 5000);
    private final AtomicReferenceArray<String> queueIds = new AtomicReferenceArray<>(users);
    private final AtomicInteger nextJoiner = new AtomicInteger();
    private final AtomicInteger nextPacedUser = new AtomicInteger();
    private final AtomicInteger nextWaitingUser = new AtomicInteger();
    private final AtomicBoolean admitting = new AtomicBoolean();
    private final AtomicLong admittedHolds = new AtomicLong();
    private final Deadline paced = new Deadline(Settings.seconds("paced", 30));
    private final Deadline admissionPhase = new Deadline(admission);

    {
        admin.patchRules(eventId, WaitingRoom.on(FlashSale.freshRules(), 1));
        WaitingRoom.requireQueue(admin, eventId, tokens.getFirst());
        var rampUp = Settings.seconds("rampUp", 10);
        var admissionPopulation = admission().injectOpen(rampUsers(users).during(rampUp));
        var closedPopulation = closedPolls()
                .injectOpen(atOnceUsers(Settings.number("closedUsers", 100)))
                .andThen(admissionPopulation);
        var pacedPopulation =
                pacedPolls().injectOpen(rampUsers(users).during(rampUp)).andThen(closedPopulation);
        setUp(joins().injectOpen(atOnceUsers(Settings.number("joiners", 200))).andThen(pacedPopulation))
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

    /** Every user joins once, a closed model of workers taking the next user. */
    private ScenarioBuilder joins() {
        return scenario("joins")
                .exec(asLongAs(session -> nextJoiner.get() < users)
                        .on(exec(this::takeNextJoiner)
                                .exec(doIf(session -> session.getInt("user") >= 0)
                                        .then(exec(WaitingRoom.join(JOIN, eventId))
                                                .exec(this::rememberEntry)))));
    }

    /** Each user reads its entry after every wait the server asks for, until the phase ends. */
    private ScenarioBuilder pacedPolls() {
        return scenario("paced polls")
                .exec(session -> {
                    paced.start();
                    return user(session, nextPacedUser.getAndIncrement() % users);
                })
                .exec(asLongAs(session -> !paced.passed())
                        .on(exec(WaitingRoom.poll(PACED, eventId))
                                .exec(pause(session -> paced.atMost(WaitingRoom.pollAfter(session))))));
    }

    /** Reads of random entries, as fast as the workers can. */
    private ScenarioBuilder closedPolls() {
        return scenario("closed polls")
                .exec(during(Settings.seconds("closed", 20))
                        .on(exec(session -> user(
                                        session, ThreadLocalRandom.current().nextInt(users)))
                                .exec(WaitingRoom.poll(CLOSED, eventId))));
    }

    /** The waiting room admits; each user reads its entry as paced and holds once admitted. */
    private ScenarioBuilder admission() {
        return scenario("admission")
                .exec(this::admitOnce)
                .exec(session -> user(session, nextWaitingUser.getAndIncrement() % users))
                .exec(waitThenHold());
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

    /** The first user of the admission phase sets the waiting room to the rate being measured. */
    private Session admitOnce(Session session) {
        if (admitting.compareAndSet(false, true)) {
            admin.patchRules(eventId, WaitingRoom.on(FlashSale.freshRules(), admitPerSecond));
            admissionPhase.start();
        }
        return session;
    }

    private ChainBuilder waitThenHold() {
        return asLongAs(session ->
                        session.contains("queueId") && !session.contains("admissionToken") && !admissionPhase.passed())
                .on(exec(WaitingRoom.poll(WAITING, eventId))
                        .exec(doIfOrElse(session -> session.contains("admissionToken"))
                                .then(hold())
                                .orElse(pause(session -> admissionPhase.atMost(WaitingRoom.pollAfter(session))))));
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
                        .check(Figures.answer(), Figures.responseTime(), status().is(201)))
                .exec(Figures.record(ADMITTED_HOLD))
                .exec(session -> {
                    admittedHolds.incrementAndGet();
                    return session;
                });
    }

    /** A phase's end, counted from its first user. */
    private static final class Deadline {

        private final Duration length;
        private final AtomicLong startNanos = new AtomicLong();

        Deadline(Duration length) {
            this.length = length;
        }

        void start() {
            startNanos.compareAndSet(0, System.nanoTime());
        }

        boolean passed() {
            long start = startNanos.get();
            return start != 0 && System.nanoTime() - start >= length.toNanos();
        }

        /** {@code wait}, or less when the phase ends sooner. */
        Duration atMost(Duration wait) {
            long start = startNanos.get();
            if (start == 0) {
                return wait;
            }
            var left = length.minusNanos(System.nanoTime() - start);
            return left.isNegative() ? Duration.ZERO : (left.compareTo(wait) < 0 ? left : wait);
        }
    }
}
