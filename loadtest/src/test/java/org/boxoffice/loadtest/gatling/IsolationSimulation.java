package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pace;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The brief's "other events must not notice": a second group of buyers ({@code -Dneighbours}, 50)
 * on another event, each once a second holding one ticket there and reading that event's detail.
 * First they buy alone for {@code -DwarmUp} seconds (45: the hold path's first compilation and the
 * database's autovacuum and analysis of the two new events, recorded as {@code … (warm-up)}), with
 * {@code -DwarmUpHolders} (200) more users holding one ticket a second each on a third event
 * ({@code warm-up: hold}; 50 holds a second alone leave much of the request path to C2's first
 * compilation in the rush: docs/benchmarks.md), then
 * for {@code -Didle} seconds more (the idle figures, {@code neighbour hold (idle)},
 * {@code neighbour detail (idle)}), then during the 100,000-seat flash sale ({@link FlashSale} on a
 * fresh stadium, {@code -Dbuyers} buyers, {@code -Dconcurrency} workers) for as long as its buyers
 * are at it: until the last one is done, the stadium is sold out or {@code -Drush} seconds have
 * passed ({@code … (rush)}; its first {@value #RUSH_START_SECONDS} s again as {@code … (rush)
 * (start)}, the rest as {@code … (rush) (later)}). {@code -DadmitPerSecond=N} turns the
 * stadium's waiting room on (N buyers admitted a second); 0 (the default) leaves it off. The
 * neighbours' event has no waiting room.
 *
 * <p>Buyers are traveler00001 … traveler{@code <buyers>}, the neighbours the next 3 × {@code
 * <neighbours>} (another 50 for each phase). Every user
 * sends its own {@code X-Forwarded-For} ({@link WaitingRoom#address}).
 */
public final class IsolationSimulation extends Simulation {

    static final String NEIGHBOUR_HOLD = "neighbour hold";
    static final String NEIGHBOUR_DETAIL = "neighbour detail";
    static final String WARM_UP_HOLD = "warm-up: hold";
    static final String WARM_UP_JOIN = "warm-up: join";
    static final String WARM_UP_QUEUE_STATUS = "warm-up: queue status";
    static final int PHASES = 3;
    static final int RUSH_START_SECONDS = 10;

    private final String baseUrl = Settings.baseUrl();
    private final AdminClient admin = new AdminClient(baseUrl).login(Settings.adminEmail(), Settings.adminPassword());
    private final int buyers = Settings.number("buyers", 10_000);
    private final int neighbours = Settings.number("neighbours", 50);
    private final Duration warmUp = Settings.seconds("warmUp", 45);
    private final Duration idle = Settings.seconds("idle", 20);
    private final Duration rush = Settings.seconds("rush", 60);
    private final String neighbourEvent =
            admin.createStandingEvent("Neighbour " + Instant.now(), 20_000, FlashSale.freshRules());
    /**
     * Each phase (warm-up, idle, rush) has its own neighbours, travelers after the buyers: a
     * neighbour holds once a second and never pays, and the rules allow 100 live orders a user.
     */
    private final List<String> neighbourTokens = admin.travelerTokens(buyers + 1, PHASES * neighbours, 1000);

    private final int warmUpHolders = Settings.number("warmUpHolders", 200);
    private final String warmUpEvent =
            admin.createStandingEvent("Isolation warm-up " + Instant.now(), 20_000, FlashSale.freshRules());
    /** The warm-up's holders, travelers after the neighbours. */
    private final List<String> warmUpTokens =
            admin.travelerTokens(buyers + 1 + PHASES * neighbours, warmUpHolders, 1000);

    private final AtomicInteger nextWarmUpHolder = new AtomicInteger();
    private final int admitPerSecond = Settings.number("admitPerSecond", 0);

    private final FlashSale sale = new FlashSale(
            admin,
            admin.createStadium("Flash sale " + Instant.now(), FlashSale.freshRules()),
            admin.travelerTokens(1, buyers, 1000),
            rush,
            0,
            admitPerSecond);
    private final AtomicInteger nextNeighbour = new AtomicInteger();
    /** When the first neighbour of the rush started (nanoTime), 0 before. */
    private final AtomicLong rushStarted = new AtomicLong();

    {
        sale.prepare(admin);
        if (admitPerSecond > 0) {
            admin.patchRules(warmUpEvent, WaitingRoom.on(FlashSale.freshRules(), warmUpHolders));
        }
        setUp(
                        warmUpHolders().injectOpen(atOnceUsers(warmUpHolders)),
                        neighbours("warm-up", body -> during(warmUp).on(body))
                                .injectOpen(atOnceUsers(neighbours))
                                .andThen(neighbours("idle", body -> during(idle).on(body))
                                        .injectOpen(atOnceUsers(neighbours)))
                                .andThen(
                                        sale.buyers("flash sale")
                                                .injectOpen(rampUsers(Settings.number("concurrency", 500))
                                                        .during(Settings.seconds("rampUp", 5))),
                                        neighbours(
                                                        "rush",
                                                        body -> asLongAs(session -> sale.selling())
                                                                .on(body))
                                                .injectOpen(atOnceUsers(neighbours))))
                .protocols(http.baseUrl(baseUrl).acceptHeader("application/json"))
                .assertions(
                        details(FlashSale.HOLD).failedRequests().count().is(0L),
                        details(NEIGHBOUR_HOLD + " (rush)")
                                .failedRequests()
                                .count()
                                .is(0L));
    }

    @Override
    public void after() {
        boolean invariantsHeld = sale.audit();
        Figures.print();
        if (!invariantsHeld) {
            System.out.flush();
            System.exit(1);
        }
    }

    /** Neighbours buying in {@code loop}, one round a second each (a hold, then a read of the detail). */
    private ScenarioBuilder neighbours(String phase, UnaryOperator<ChainBuilder> loop) {
        return scenario("neighbours, " + phase)
                .exec(this::takeNeighbour)
                .exec(session -> {
                    if (phase.equals("rush")) {
                        rushStarted.compareAndSet(0, System.nanoTime());
                    }
                    return session;
                })
                .exec(loop.apply(pace(Duration.ofSeconds(1))
                        .exec(holdOne(NEIGHBOUR_HOLD + " (" + phase + ")", neighbourEvent))
                        .exec(detail(NEIGHBOUR_DETAIL + " (" + phase + ")"))));
    }

    /**
     * The rush's figures again by when they were taken: its first {@value #RUSH_START_SECONDS} s
     * (the crowd's arrival: its first joins or holds, on code the warm-up did not run) and later.
     */
    private @Nullable String rushPart(Session session) {
        long started = rushStarted.get();
        if (started == 0 || !session.scenario().endsWith("rush")) {
            return null;
        }
        return System.nanoTime() - started
                        < Duration.ofSeconds(RUSH_START_SECONDS).toNanos()
                ? "start"
                : "later";
    }

    private Session takeNeighbour(Session session) {
        int neighbour = nextNeighbour.getAndIncrement() % (PHASES * neighbours);
        return session.set("token", neighbourTokens.get(neighbour))
                .set("address", WaitingRoom.address(buyers + 1 + neighbour));
    }

    /**
     * Holders that compile the request path during the warm-up, then leave. With the stadium's
     * waiting room on, the warm-up event has one too (admitting all of them within a second), and
     * each round is the rush's buyer's: join (again: {@code 200}), read the entry, hold with the
     * admission token; otherwise the crowd's first joins, polls and token checks would run on code
     * that neither the server nor the load generator has compiled.
     */
    private ScenarioBuilder warmUpHolders() {
        var round = admitPerSecond > 0
                ? exec(WaitingRoom.join(WARM_UP_JOIN, warmUpEvent))
                        .exec(WaitingRoom.untilAdmitted(WARM_UP_QUEUE_STATUS, warmUpEvent, () -> false))
                        .exec(holdOne(WARM_UP_HOLD, warmUpEvent, true))
                : holdOne(WARM_UP_HOLD, warmUpEvent, false);
        return scenario("warm-up holders")
                .exec(session -> {
                    int holder = nextWarmUpHolder.getAndIncrement() % warmUpHolders;
                    return session.set("token", warmUpTokens.get(holder))
                            .set("address", WaitingRoom.address(buyers + 1 + PHASES * neighbours + holder));
                })
                .exec(during(warmUp).on(pace(Duration.ofSeconds(1)).exec(round)));
    }

    private ChainBuilder holdOne(String name, String eventId) {
        return holdOne(name, eventId, false);
    }

    private ChainBuilder holdOne(String name, String eventId, boolean admitted) {
        var hold = http(name)
                .post("/api/v1/orders")
                .header("Authorization", "Bearer #{token}")
                .header("X-Forwarded-For", "#{address}")
                .header("Idempotency-Key", session -> UUID.randomUUID().toString());
        return exec((admitted ? hold.header("X-Admission-Token", "#{admissionToken}") : hold)
                        .body(StringBody("{\"eventId\":\"" + eventId + "\",\"zone\":\"FLOOR\",\"quantity\":1}"))
                        .asJson()
                        .check(Figures.answer(), Figures.responseTime(), Figures.serverTime(), status().is(201)))
                .exec(Figures.record(name, this::rushPart));
    }

    private ChainBuilder detail(String name) {
        return exec(http(name)
                        .get("/api/v1/events/" + neighbourEvent)
                        .header("X-Forwarded-For", "#{address}")
                        .check(Figures.answer(), Figures.responseTime(), Figures.serverTime(), status().is(200)))
                .exec(Figures.record(name, this::rushPart));
    }
}
