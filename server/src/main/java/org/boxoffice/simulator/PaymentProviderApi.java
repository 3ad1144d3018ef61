package org.boxoffice.simulator;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The payment provider's HTTP API, as a real card processor would offer it:
 *
 * <ul>
 *   <li>{@code POST /payments {idempotencyKey, reference, amount, currency}}: {@code 201
 *       {paymentId, status: SUCCEEDED | DECLINED, ...}}; the same key answers the same payment;
 *       {@code 503} when nothing was charged, {@code 504} when the answer was lost
 *   <li>{@code GET /payments?idempotencyKey=}: the payment ({@code status} may be {@code
 *       PROCESSING}) or {@code 404} when no request with the key ever arrived
 *   <li>{@code GET /payments/{paymentId}}
 *   <li>{@code POST /payments/{paymentId}/refunds}: {@code 201} the first time, {@code 200} with
 *       the same refund afterwards; {@code 409} for a payment that did not succeed
 * </ul>
 */
final class PaymentProviderApi implements JsonRoute.Answering {

    static final String PATH = "/payments";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_TEXT = 255;

    private final PaymentSimulator payments;

    PaymentProviderApi(PaymentSimulator payments) {
        this.payments = payments;
    }

    @Override
    public Reply answer(JsonExchange exchange) throws java.io.IOException, InterruptedException {
        var path = exchange.subPath();
        var segments = path.isEmpty() ? new String[0] : path.split("/");
        var method = exchange.method();
        if (method.equals("POST") && segments.length == 0) {
            return payments.charge(command(exchange.body()));
        }
        if (method.equals("GET") && segments.length == 0) {
            var key = exchange.query().get("idempotencyKey");
            if (key == null || key.isBlank()) {
                return Reply.error(400, "INVALID_REQUEST", "Ask for a payment by its idempotencyKey.");
            }
            return payments.lookup(key);
        }
        if (method.equals("GET") && segments.length == 1) {
            return payments.payment(segments[0]);
        }
        if (method.equals("POST") && segments.length == 2 && segments[1].equals("refunds")) {
            return payments.refund(segments[0]);
        }
        return Reply.error(404, "NOT_FOUND", "No such route: " + method + " " + PATH + "/" + path);
    }

    private static ChargeCommand command(JsonNode body) {
        var amount = body.path("amount");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() <= 0) {
            throw new JsonExchange.InvalidRequest("amount is a positive whole number of minor units.");
        }
        var currency = text(body, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new JsonExchange.InvalidRequest("currency is an ISO 4217 code.");
        }
        return new ChargeCommand(text(body, "idempotencyKey"), text(body, "reference"), amount.longValue(), currency);
    }

    private static String text(JsonNode body, String field) {
        var node = body.path(field);
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > MAX_TEXT) {
            throw new JsonExchange.InvalidRequest(field + " is a text of 1 to " + MAX_TEXT + " characters.");
        }
        return node.asString();
    }
}
