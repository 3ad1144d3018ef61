package org.boxoffice.simulator;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Steers the in-process payment provider through its control API, for integration tests of any
 * module. Start a test with {@link #fastAndReliable()} or {@link #behave}, end it with {@link
 * #reset()}.
 */
public final class PaymentSimulatorControl {

    /** Quick answers, no random failures, no webhooks: a test adds only what it is about. */
    public static final Map<String, Object> FAST_AND_RELIABLE = Map.of(
            "mode",
            "NORMAL",
            "latency",
            "1ms-5ms",
            "failureRate",
            0,
            "webhooks",
            false,
            "webhookDelay",
            "1ms-5ms",
            "webhookDuplicateRate",
            0,
            "webhookLateRate",
            0);

    private static final String CONTROL = "/_control/payments";

    private final ControlChannel control;

    public PaymentSimulatorControl(SimulatorEndpoint endpoint) {
        this.control = new ControlChannel(endpoint, CONTROL, "payment", FAST_AND_RELIABLE);
    }

    public void fastAndReliable() {
        behave(Map.of());
    }

    /**
     * Sets the provider's behaviour: {@link #FAST_AND_RELIABLE} with {@code changes} on top, such
     * as {@code Map.of("mode", "LOSE_ANSWER_AFTER_CHARGE", "times", 2)}.
     */
    public void behave(Map<String, ?> changes) {
        control.behave(changes);
    }

    /** Back to the configured behaviour. */
    public void reset() {
        control.reset();
    }

    /** The provider's own record of the payments for one order, with how many requests each got. */
    public List<JsonNode> paymentsFor(UUID orderId) {
        var payments = control.read("?reference=" + orderId).get("payments");
        return StreamSupport.stream(payments.spliterator(), false).toList();
    }

    /** How many charge requests the provider has received in all. */
    public long chargeRequests() {
        return control.read("").get("chargeRequests").asLong();
    }
}
