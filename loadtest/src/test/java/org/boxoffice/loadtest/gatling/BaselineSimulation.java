package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The server's cheapest request, {@code GET /api/v1/checkin/keys} (a static public answer), at a
 * constant concurrency: the yardstick the other simulations' rates are compared with. A warm-up
 * scenario runs first under its own request name, so the report keeps the JIT's first seconds
 * apart from the measured ones.
 *
 * <p>{@code -DbaseUrl=http://localhost:8080 -Dusers=100 -Dduration=30 -Dwarmup=10} (seconds).
 */
public final class BaselineSimulation extends Simulation {

    static final String MEASURED = "checkin keys";

    private final int users = Settings.number("users", 100);

    {
        setUp(keys("warm-up", "warm-up: checkin keys")
                        .injectClosed(constantConcurrentUsers(users).during(Settings.seconds("warmup", 10)))
                        .andThen(keys("baseline", MEASURED)
                                .injectClosed(constantConcurrentUsers(users).during(Settings.seconds("duration", 30)))))
                .protocols(http.baseUrl(Settings.baseUrl())
                        .acceptHeader("application/json")
                        .shareConnections())
                .assertions(details(MEASURED).failedRequests().count().is(0L));
    }

    private static ScenarioBuilder keys(String scenarioName, String requestName) {
        return scenario(scenarioName)
                .exec(http(requestName).get("/api/v1/checkin/keys").check(status().is(200), Figures.responseTime()))
                .exec(Figures.record(requestName));
    }

    @Override
    public void after() {
        Figures.print();
    }
}
