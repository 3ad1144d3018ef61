package org.boxoffice.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner venues' box-office systems, {@code boxoffice.simulator.partner.*}.
 *
 * @param latency how long each request takes, drawn uniformly from the range
 * @param failureRate the share of requests that fail: mostly before doing anything (503), some
 *     after doing it (504), a few hang without an answer
 * @param hang how long a request that gets no answer is held open before it is closed
 * @param venues the halls of the venues the simulator knows, by venue key, written as {@link
 *     HallLayout} ({@code boxoffice.simulator.partner.venues.arman-cinema=HALL:A-H,J-M:18});
 *     added to the demo cinema's, which is always known. An event at a known venue starts with
 *     15–25% of its seats sold at the box office; at other venues every seat starts free
 */
record PartnerSimulation(
        @DefaultValue(DEFAULT_LATENCY) LatencyRange latency,
        @DefaultValue(DEFAULT_FAILURE_RATE) double failureRate,
        @DefaultValue(DEFAULT_HANG) Duration hang,
        @Nullable Map<String, String> venues) {

    static final String DEFAULT_LATENCY = "50ms-500ms";
    static final String DEFAULT_FAILURE_RATE = "0.05";
    static final String DEFAULT_HANG = "30s";

    /** The demo's cinema: Hall 3 of Arman Cinema, rows A to M without I, 18 seats each. */
    static final Map<String, String> DEMO_VENUES = Map.of("arman-cinema", "HALL:A-H,J-M:18");

    /** The defaults, for a simulator started without Spring. */
    static PartnerSimulation defaults() {
        return new PartnerSimulation(
                LatencyRange.of(DEFAULT_LATENCY),
                Double.parseDouble(DEFAULT_FAILURE_RATE),
                Duration.ofSeconds(30),
                null);
    }

    PartnerBehaviour behaviour() {
        return new PartnerBehaviour(PartnerMode.NORMAL, null, latency, failureRate);
    }

    Map<String, HallLayout> halls() {
        var layouts = new HashMap<>(DEMO_VENUES);
        if (venues != null) {
            layouts.putAll(venues);
        }
        var halls = new HashMap<String, HallLayout>();
        layouts.forEach((venue, layout) -> halls.put(venue, HallLayout.parse(layout)));
        return halls;
    }

    PartnerSimulator simulator(Clock clock) {
        return new PartnerSimulator(halls(), behaviour(), clock, new Random(), hang);
    }
}
