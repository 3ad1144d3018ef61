package org.boxoffice.simulator;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Steers the in-process airline through its control API, for integration tests of any module.
 * Start a test with {@link #fastAndReliable()} or {@link #behave}, end it with {@link #reset()}
 * (and reset the airline's circuit breaker: {@code org.boxoffice.partner.PartnerCircuitBreakers}).
 */
public final class AirlineSimulatorControl {

    /** Quick answers, no random failures: a test adds only what it is about. */
    public static final Map<String, Object> FAST_AND_RELIABLE =
            Map.of("mode", "NORMAL", "latency", "1ms-5ms", "failureRate", 0);

    private static final String CONTROL = "/_control/airline";

    private final ControlChannel control;

    public AirlineSimulatorControl(SimulatorEndpoint endpoint) {
        this.control = new ControlChannel(endpoint, CONTROL, "airline", FAST_AND_RELIABLE);
    }

    public void fastAndReliable() {
        behave(Map.of());
    }

    /**
     * Sets the airline's behaviour: {@link #FAST_AND_RELIABLE} with {@code changes} on top, such as
     * {@code Map.of("mode", "LOSE_ANSWER_AFTER_RESERVE", "times", 2)}. Modes: {@code NORMAL},
     * {@code ALWAYS_FAIL}, {@code ALWAYS_REFUSE}, {@code LOSE_ANSWER_AFTER_RESERVE}, {@code TIMEOUT}.
     */
    public void behave(Map<String, ?> changes) {
        control.behave(changes);
    }

    /** Back to the configured behaviour (reservations stay). */
    public void reset() {
        control.reset();
    }

    /** The airline's record of one key ({@code status}, {@code reference}, {@code requests}…); empty if never seen. */
    public JsonNode reservation(String reservationKey) {
        return control.read("?reservationKey=" + reservationKey).get("reservation");
    }

    /** Every reservation the airline recorded for the flight, refused and cancelled ones too. */
    public List<JsonNode> reservationsFor(UUID flightId) {
        var reservations = control.read("?flightId=" + flightId).get("reservations");
        return StreamSupport.stream(reservations.spliterator(), false).toList();
    }

    /**
     * Counts over all reservations: {@code confirmed}, {@code refused}, {@code cancelled}, {@code
     * processing}, {@code ticketsHeld} and {@code ticketsDoubleBooked} (tickets two live
     * reservations hold: always 0 for a seller that keeps its books straight).
     */
    public JsonNode totals() {
        return control.read("").get("totals");
    }

    /** How many reserve, cancel and lookup requests the airline received in all. */
    public JsonNode requests() {
        return control.read("").get("requests");
    }
}
