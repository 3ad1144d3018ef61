package org.boxoffice.payment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderCalls;
import org.boxoffice.platform.ProviderRejected;
import org.boxoffice.platform.ProviderUnavailable;
import org.boxoffice.platform.WholeExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment provider over HTTP with the JDK client, on virtual threads. It makes exactly one
 * request per call; retries, the deadline and the circuit breaker are {@link ProviderCalls}'.
 */
final class HttpPaymentProvider implements PaymentProvider, AutoCloseable {

    private final String baseUrl;
    private final JsonMapper json;
    private final HttpClient http;

    HttpPaymentProvider(URI baseUrl, Duration connectTimeout, JsonMapper json) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Override
    public Payment charge(ChargeRequest request, Duration timeout) {
        var body = json.writeValueAsBytes(Map.of(
                "idempotencyKey", request.idempotencyKey(),
                "reference", request.orderId().toString(),
                "amount", request.amount().amount(),
                "currency", request.amount().currency()));
        var response = send(post("/payments", body), timeout);
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            return payment(response.body());
        }
        throw failure("charge", response);
    }

    @Override
    public Lookup find(String idempotencyKey, Duration timeout) {
        var path = "/payments?idempotencyKey=" + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8);
        var response = send(HttpRequest.newBuilder(at(path)).GET(), timeout);
        return switch (response.statusCode()) {
            case 200 -> new Lookup.Found(payment(response.body()));
            case 404 -> new Lookup.NotFound();
            default -> throw failure("lookup", response);
        };
    }

    @Override
    public String refund(String paymentId, Duration timeout) {
        var path = "/payments/" + URLEncoder.encode(paymentId, StandardCharsets.UTF_8) + "/refunds";
        var response = send(post(path, "{}".getBytes(StandardCharsets.UTF_8)), timeout);
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            return field(read(response.body()), "refundId");
        }
        throw failure("refund", response);
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private HttpRequest.Builder post(String path, byte[] body) {
        return HttpRequest.newBuilder(at(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private URI at(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, Duration timeout) {
        return WholeExchange.send(
                http,
                request.timeout(timeout).header("Accept", "application/json").build(),
                timeout,
                "the payment provider");
    }

    private Payment payment(byte[] body) {
        var node = read(body);
        var status = field(node, "status").toUpperCase(Locale.ROOT);
        try {
            var reason = node.path("declineReason");
            return new Payment(
                    field(node, "paymentId"),
                    Status.valueOf(status),
                    reason.isString() ? reason.asString() : null,
                    amount(node));
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailable("The payment provider answered an unknown status: " + status);
        }
    }

    private static Money amount(JsonNode node) {
        var units = node.path("amount");
        var currency = node.path("currency");
        if (!units.isIntegralNumber() || !units.canConvertToLong() || !currency.isString()) {
            throw new ProviderUnavailable("The payment provider's answer lacks the amount or currency");
        }
        return new Money(units.longValue(), currency.asString());
    }

    // An unreadable 2xx answer says nothing about the money; asking again with the same key will.
    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ProviderUnavailable("The payment provider's answer is not JSON", e);
        }
    }

    private static String field(JsonNode node, String name) {
        var value = node.path(name);
        if (!value.isString() || value.asString().isBlank()) {
            throw new ProviderUnavailable("The payment provider's answer lacks " + name);
        }
        return value.asString();
    }

    private static RuntimeException failure(String operation, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        var body = new String(response.body(), StandardCharsets.UTF_8);
        var message = "The payment provider answered " + status + " to a " + operation + ": "
                + body.substring(0, Math.min(body.length(), 300));
        return status == 429 || status >= 500 ? new ProviderUnavailable(message) : new ProviderRejected(message);
    }
}
