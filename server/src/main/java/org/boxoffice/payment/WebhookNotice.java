package org.boxoffice.payment;

import java.util.UUID;
import java.util.regex.Pattern;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the provider's webhook says: {@code {paymentId, orderId, status: "SUCCEEDED" | "FAILED",
 * amount}}, where {@code amount} is money ({@code {amount, currency}}), or minor units beside a
 * top-level {@code currency}. An {@code idempotencyKey}, when the provider echoes it, names our
 * attempt exactly.
 */
record WebhookNotice(
        String paymentId,
        UUID orderId,
        Status status,
        Money amount,
        @Nullable String attemptKey) {

    enum Status {
        SUCCEEDED,
        FAILED
    }

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_PAYMENT_ID = 255;

    static WebhookNotice parse(byte[] body, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhook("The webhook body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhook("The webhook body is not a JSON object.");
        }
        var key = root.path("idempotencyKey");
        return new WebhookNotice(
                paymentId(root), orderId(root), status(root), amount(root), key.isString() ? key.asString() : null);
    }

    private static String paymentId(JsonNode root) {
        var node = root.path("paymentId");
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > MAX_PAYMENT_ID) {
            throw new MalformedWebhook("paymentId is a text of 1 to " + MAX_PAYMENT_ID + " characters.");
        }
        return node.asString();
    }

    private static UUID orderId(JsonNode root) {
        var node = root.path("orderId");
        try {
            if (node.isString()) {
                return UUID.fromString(node.asString());
            }
        } catch (IllegalArgumentException e) {
            // Reported below.
        }
        throw new MalformedWebhook("orderId is an order's UUID.");
    }

    private static Status status(JsonNode root) {
        var node = root.path("status");
        if (node.isString()) {
            for (var status : Status.values()) {
                if (status.name().equals(node.asString())) {
                    return status;
                }
            }
        }
        throw new MalformedWebhook("status is SUCCEEDED or FAILED.");
    }

    private static Money amount(JsonNode root) {
        var node = root.path("amount");
        var units = node.isObject() ? node.path("amount") : node;
        var currency = node.isObject() ? node.path("currency") : root.path("currency");
        if (!units.isIntegralNumber() || !units.canConvertToLong() || units.longValue() <= 0) {
            throw new MalformedWebhook("amount is money: {\"amount\": minor units above 0, \"currency\": \"KZT\"}.");
        }
        if (!currency.isString() || !CURRENCY.matcher(currency.asString()).matches()) {
            throw new MalformedWebhook("The amount's currency is an ISO 4217 code.");
        }
        return new Money(units.longValue(), currency.asString());
    }
}
