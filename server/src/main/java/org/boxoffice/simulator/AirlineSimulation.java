package org.boxoffice.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The airline reservation system, {@code boxoffice.simulator.airline.*}.
 *
 * @param latency how long each request takes, drawn uniformly from the range
 * @param failureRate the share of requests that fail: a new reservation mostly fails before
 *     reserving (503), sometimes reserves and then loses its answer (504 or no answer at all), and
 *     now and then is refused as overbooked; other requests fail with 503
 * @param hang how long a request that gets no answer is held open before it is closed
 */
record AirlineSimulation(
        @DefaultValue(DEFAULT_LATENCY) LatencyRange latency,
        @DefaultValue(DEFAULT_FAILURE_RATE) double failureRate,
        @DefaultValue(DEFAULT_HANG) Duration hang) {

    static final String DEFAULT_LATENCY = "250ms-3000ms";
    static final String DEFAULT_FAILURE_RATE = "0.2";
    static final String DEFAULT_HANG = "30s";

    /** The defaults, for a simulator started without Spring. */
    static AirlineSimulation defaults() {
        return new AirlineSimulation(
                LatencyRange.of(DEFAULT_LATENCY), Double.parseDouble(DEFAULT_FAILURE_RATE), Duration.ofSeconds(30));
    }

    AirlineBehaviour behaviour() {
        return new AirlineBehaviour(AirlineMode.NORMAL, null, latency, failureRate);
    }

    AirlineSimulator simulator(Clock clock) {
        // java.util.Random is safe to share between the virtual threads that serve requests.
        return new AirlineSimulator(behaviour(), clock, new Random(), hang);
    }
}
