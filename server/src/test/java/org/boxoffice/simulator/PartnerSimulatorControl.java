package org.boxoffice.simulator;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Steers the in-process partner venues through their control API, for integration tests of any
 * module. Start a test with {@link #fastAndReliable()} or {@link #behave}, end it with {@link
 * #reset()} (and reset the venues' circuit breakers: {@code
 * org.boxoffice.partner.PartnerCircuitBreakers}). Venues are named by their key, the path of the
 * event's partner URL: {@code arman-cinema} for the demo cinema.
 */
public final class PartnerSimulatorControl {

    /** Quick answers, no random failures: a test adds only what it is about. */
    public static final Map<String, Object> FAST_AND_RELIABLE =
            Map.of("mode", "NORMAL", "latency", "1ms-5ms", "failureRate", 0);

    private static final String CONTROL = "/_control/partner";

    private final ControlChannel control;

    public PartnerSimulatorControl(SimulatorEndpoint endpoint) {
        this.control = new ControlChannel(endpoint, CONTROL, "partner", FAST_AND_RELIABLE);
    }

    public void fastAndReliable() {
        behave(Map.of());
    }

    /**
     * Sets the venues' behaviour: {@link #FAST_AND_RELIABLE} with {@code changes} on top, such as
     * {@code Map.of("mode", "ALWAYS_FAIL")}. Modes: {@code NORMAL}, {@code ALWAYS_FAIL}, {@code
     * LOSE_ANSWER_AFTER_CHANGE}, {@code TIMEOUT}.
     */
    public void behave(Map<String, ?> changes) {
        control.behave(changes);
    }

    /** Back to the configured behaviour (seats, holds and sales stay). */
    public void reset() {
        control.reset();
    }

    /**
     * The venue's own box office sells these seats of the event, as a competing buyer would.
     * Answers the seats it could not sell because a seller holds or bought them.
     */
    public List<String> sellAtBoxOffice(String venue, UUID eventId, List<String> seats) {
        var reply = control.post("/sold", Map.of("venue", venue, "eventId", eventId.toString(), "seats", seats));
        if (reply.status() != 200) {
            throw new IllegalStateException("The partner simulator refused the sale: " + reply.body());
        }
        return texts(reply.json().get("alreadyTaken"));
    }

    /**
     * What the venue knows of the event: {@code soldAtBoxOffice}, {@code unavailable} and {@code
     * holds} (each with {@code holdKey}, {@code status}, {@code requestedSeats}, {@code requests}).
     */
    public JsonNode event(String venue, UUID eventId) {
        return control.read("?venue=" + venue + "&eventId=" + eventId).get("event");
    }

    /** Seats the venue sold at its own box office, including those it started with. */
    public List<String> soldAtBoxOffice(String venue, UUID eventId) {
        return texts(event(venue, eventId).get("soldAtBoxOffice"));
    }

    /** How many seat, hold, confirm and release requests the venues received in all. */
    public JsonNode requests() {
        return control.read("").get("requests");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
