package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rate limiter's cost: a cheap mutating request, joining a queue one is already in ({@code
 * POST /events/{id}/queue}, answered 200 from Redis), sent by {@code -DclosedUsers} (100) workers as
 * fast as they can for {@code -Dduration} (20) seconds after a warm-up of {@code -Dwarmup} (15)
 * seconds (which also makes every user join once, 201). Each request is sent for the next of
 * {@code -Dusers} (10,000) travelers in turn, with that traveler's own {@code X-Forwarded-For}, so
 * that at these rates no user and no address comes near its limit: the limiter is consulted on
 * every request and refuses none ({@code repeat join answers} counts any 429). Run it against a
 * server with limits on and one with {@code --boxoffice.rate-limit.enabled=false}; the difference
 * is the cost.
 */
public final class LimitsSimulation extends Simulation {

    static final String MEASURED = "repeat join";

    private final String baseUrl = Settings.baseUrl();
    private final AdminClient admin = new AdminClient(baseUrl).login(Settings.adminEmail(), Settings.adminPassword());
    private final int users = Settings.number("users", 10_000);
    private final String eventId = admin.createStandingEvent("Limits " + Instant.now(), 1000, FlashSale.freshRules());
    private final List<String> tokens = admin.travelerTokens(1, users, 5000);
    private final AtomicInteger next = new AtomicInteger();

    {
        admin.patchRules(eventId, WaitingRoom.on(FlashSale.freshRules(), 1));
        WaitingRoom.requireQueue(admin, eventId, tokens.getFirst());
        int workers = Settings.number("closedUsers", 100);
        setUp(joins("warm-up", "warm-up: join", Settings.number("warmup", 15))
                        .injectOpen(atOnceUsers(workers))
                        .andThen(joins("measured", MEASURED, Settings.number("duration", 20))
                                .injectOpen(atOnceUsers(workers))))
                .protocols(
                        http.baseUrl(baseUrl).acceptHeader("application/json").shareConnections())
                .assertions(details(MEASURED).failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        Figures.print();
    }

    private ScenarioBuilder joins(String scenarioName, String requestName, int seconds) {
        return scenario(scenarioName)
                .exec(during(java.time.Duration.ofSeconds(seconds))
                        .on(exec(this::nextUser).exec(WaitingRoom.join(requestName, eventId))));
    }

    private Session nextUser(Session session) {
        int user = Math.floorMod(next.getAndIncrement(), users);
        return session.set("token", tokens.get(user)).set("address", WaitingRoom.address(user + 1));
    }
}
