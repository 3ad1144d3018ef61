package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What a crowd reads before a sale: the stadium's event detail and the seat map of one zone, half
 * of the seat-map reads with the {@code If-None-Match} of an earlier answer (a client that polls).
 * The stadium is found at start as a visitor would, with {@code GET /events?kind=CONCERT&q=Celeste}.
 * Warm-up first, under its own request names, then the measured phase.
 *
 * <p>{@code -DbaseUrl=http://localhost:8080 -Dusers=100 -Dduration=30 -Dwarmup=10 -Dzone=LOWER_TIER
 * -Dreads=both|detail|seats} ({@code detail} or {@code seats} alone measure one kind of read at the
 * full rate, for comparison with the baseline).
 */
public final class ReadsSimulation extends Simulation {

    private final String eventId = new AdminClient(Settings.baseUrl()).demoStadiumId();
    private final String zone = Settings.text("zone", "LOWER_TIER");
    private final int users = Settings.number("users", 100);
    private final String reads = Settings.text("reads", "both");

    /** The latest seat-map ETag any user saw; the seat map of an idle sale rarely changes. */
    private final AtomicReference<@Nullable String> lastEtag = new AtomicReference<>();

    {
        setUp(reads("warm-up", "warm-up: ")
                        .injectClosed(constantConcurrentUsers(users).during(Settings.seconds("warmup", 10)))
                        .andThen(reads("reads", "")
                                .injectClosed(constantConcurrentUsers(users).during(Settings.seconds("duration", 30)))))
                .protocols(http.baseUrl(Settings.baseUrl())
                        .acceptHeader("application/json")
                        .shareConnections())
                .assertions(
                        details("event detail").failedRequests().count().is(0L),
                        details("seat map").failedRequests().count().is(0L),
                        details("seat map, If-None-Match")
                                .failedRequests()
                                .count()
                                .is(0L));
    }

    private ScenarioBuilder reads(String scenarioName, String prefix) {
        var scenario = scenario(scenarioName);
        return switch (reads) {
            case "detail" -> scenario.exec(detail(prefix));
            case "seats" -> scenario.exec(seatMaps(prefix));
            case "both" -> scenario.exec(detail(prefix)).exec(seatMaps(prefix));
            default -> throw new IllegalArgumentException("-Dreads= is detail, seats or both, not " + reads);
        };
    }

    private ChainBuilder detail(String prefix) {
        return exec(http(prefix + "event detail")
                        .get("/api/v1/events/" + eventId)
                        .check(status().is(200), Figures.responseTime()))
                .exec(Figures.record(prefix + "event detail"));
    }

    private ChainBuilder seatMaps(String prefix) {
        return doIfOrElse(session ->
                        lastEtag.get() != null && ThreadLocalRandom.current().nextBoolean())
                .then(conditionalSeatMap(prefix))
                .orElse(seatMap(prefix));
    }

    @Override
    public void after() {
        Figures.print();
    }

    private ChainBuilder seatMap(String prefix) {
        return exec(http(prefix + "seat map")
                        .get(seatMapPath())
                        .check(status().is(200), header("ETag").saveAs("etag"), Figures.responseTime()))
                .exec(Figures.record(prefix + "seat map"))
                .exec(this::rememberEtag);
    }

    private ChainBuilder conditionalSeatMap(String prefix) {
        return exec(session -> session.set("ifNoneMatch", String.valueOf(lastEtag.get())))
                .exec(http(prefix + "seat map, If-None-Match")
                        .get(seatMapPath())
                        .header("If-None-Match", "#{ifNoneMatch}")
                        .check(status().in(200, 304), header("ETag").optional().saveAs("etag"), Figures.responseTime()))
                .exec(Figures.record(prefix + "seat map, If-None-Match"))
                .exec(this::rememberEtag);
    }

    private String seatMapPath() {
        return "/api/v1/events/" + eventId + "/seats?zone=" + zone;
    }

    private Session rememberEtag(Session session) {
        if (session.contains("etag")) {
            lastEtag.set(session.getString("etag"));
        }
        return session;
    }
}
