package org.boxoffice.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What tests and load scenarios use to steer the payment provider, at {@code /_control/payments}:
 *
 * <ul>
 *   <li>{@code POST {mode, times?, latency?, failureRate?, webhooks?, webhookDelay?,
 *       webhookDuplicateRate?, webhookLateRate?, webhookLateDelay?}}: the behaviour from now on;
 *       fields left out take their configured values. {@code mode} is one of {@link PaymentMode}; with
 *       {@code times} it applies to that many affected requests, then the mode is {@code NORMAL}
 *   <li>{@code DELETE}: back to the configured behaviour (recorded payments stay)
 *   <li>{@code GET ?reference=}: the behaviour, the number of charge requests received, totals
 *       (payments by status, and {@code referencesChargedTwice}: merchant references with more than
 *       one payment that took money and was not refunded) and the payments recorded for one
 *       merchant reference, with how many requests each received
 * </ul>
 */
final class PaymentControlApi implements JsonRoute.Answering {

    static final String PATH = "/_control/payments";

    private final PaymentSimulator payments;

    PaymentControlApi(PaymentSimulator payments) {
        this.payments = payments;
    }

    @Override
    public Reply answer(JsonExchange exchange) throws java.io.IOException {
        if (!exchange.subPath().isEmpty()) {
            return Reply.error(404, "NOT_FOUND", "The control API is " + PATH);
        }
        return switch (exchange.method()) {
            case "GET" -> Reply.of(200, state(exchange.query().get("reference")));
            case "POST" -> {
                payments.behave(behaviour(exchange.body(), payments.configured()));
                yield Reply.of(200, view(payments.behaviour()));
            }
            case "DELETE" -> {
                payments.behave(payments.configured());
                yield Reply.of(200, view(payments.behaviour()));
            }
            default -> Reply.error(405, "METHOD_NOT_ALLOWED", "GET, POST or DELETE");
        };
    }

    private Map<String, Object> state(@Nullable String reference) {
        var state = new LinkedHashMap<String, Object>();
        state.put("behaviour", view(payments.behaviour()));
        state.put("chargeRequests", payments.chargeRequests());
        state.put("totals", payments.totals());
        if (reference != null) {
            state.put("payments", payments.paymentsFor(reference));
        }
        return state;
    }

    static PaymentBehaviour behaviour(JsonNode form, PaymentBehaviour defaults) {
        var webhooks = defaults.webhooks();
        return new PaymentBehaviour(
                JsonFields.mode(form, PaymentMode.class, defaults.mode()),
                JsonFields.times(form),
                JsonFields.latency(form, "latency", defaults.latency()),
                JsonFields.number(form, "failureRate", defaults.failureRate()),
                new WebhookBehaviour(
                        form.path("webhooks").asBoolean(webhooks.enabled()),
                        JsonFields.latency(form, "webhookDelay", webhooks.delay()),
                        JsonFields.number(form, "webhookDuplicateRate", webhooks.duplicateRate()),
                        JsonFields.number(form, "webhookLateRate", webhooks.lateRate()),
                        JsonFields.latency(form, "webhookLateDelay", webhooks.lateDelay())));
    }

    static Map<String, Object> view(PaymentBehaviour behaviour) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mode", behaviour.mode().name());
        view.put("times", behaviour.times());
        view.put("latency", behaviour.latency().toString());
        view.put("failureRate", behaviour.failureRate());
        view.put("webhooks", behaviour.webhooks().enabled());
        view.put("webhookDelay", behaviour.webhooks().delay().toString());
        view.put("webhookDuplicateRate", behaviour.webhooks().duplicateRate());
        view.put("webhookLateRate", behaviour.webhooks().lateRate());
        view.put("webhookLateDelay", behaviour.webhooks().lateDelay().toString());
        return view;
    }
}
