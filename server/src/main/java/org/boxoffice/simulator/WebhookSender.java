package org.boxoffice.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces payment outcomes to the merchant: {@code POST {target}} with {@code {paymentId,
 * orderId, status, amount, idempotencyKey}} and {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>}. Like a
 * real provider it sends some announcements late or twice, and tries again when the merchant does
 * not answer 2xx. Every delivery waits on its own virtual thread. Without a target (a standalone
 * simulator started without a webhook URL) nothing is sent.
 */
final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int DELIVERY_ATTEMPTS = 5;
    private static final Duration FIRST_REDELIVERY = Duration.ofSeconds(1);
    private static final Duration GAP_BEFORE_DUPLICATE = Duration.ofMillis(20);

    private final byte[] secret;
    private final JsonMapper json;
    private final RandomGenerator random;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private volatile @Nullable URI target;

    WebhookSender(byte[] secret, @Nullable URI target, JsonMapper json, RandomGenerator random) {
        this.secret = secret.clone();
        this.target = target;
        this.json = json;
        this.random = random;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(deliveries)
                .build();
    }

    void target(URI merchantWebhook) {
        this.target = merchantWebhook;
    }

    void announce(SimulatedPayment payment, WebhookBehaviour behaviour) {
        if (!behaviour.enabled() || target == null) {
            return;
        }
        var body = body(payment);
        var delay = random.nextDouble() < behaviour.lateRate()
                ? behaviour.lateDelay().pick(random)
                : behaviour.delay().pick(random);
        deliveries.submit(() -> deliver(payment, body, delay));
        if (random.nextDouble() < behaviour.duplicateRate()) {
            deliveries.submit(() -> deliver(payment, body, delay.plus(GAP_BEFORE_DUPLICATE)));
        }
    }

    static String signature(byte[] secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
        http.shutdownNow();
    }

    private byte[] body(SimulatedPayment payment) {
        var command = payment.command();
        var amount = new LinkedHashMap<String, Object>();
        amount.put("amount", payment.charged());
        amount.put("currency", command.currency());
        var body = new LinkedHashMap<String, Object>();
        body.put("paymentId", payment.paymentId());
        body.put("orderId", command.reference());
        body.put("status", payment.status() == SimulatedPayment.Status.SUCCEEDED ? "SUCCEEDED" : "FAILED");
        body.put("amount", amount);
        // Beyond the contract's fields, as real providers echo the merchant's request metadata.
        body.put("idempotencyKey", command.idempotencyKey());
        return json.writeValueAsBytes(body);
    }

    private void deliver(SimulatedPayment payment, byte[] body, Duration delay) {
        try {
            Thread.sleep(delay);
            var wait = FIRST_REDELIVERY;
            for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
                if (post(body)) {
                    payment.countWebhookDelivered();
                    return;
                }
                Thread.sleep(wait);
                wait = wait.multipliedBy(2);
            }
            log.warn("Gave up announcing payment {} after {} attempts", payment.paymentId(), DELIVERY_ATTEMPTS);
        } catch (InterruptedException e) {
            // The simulator is shutting down; an undelivered webhook is what a real outage looks like.
            Thread.currentThread().interrupt();
        }
    }

    private boolean post(byte[] body) throws InterruptedException {
        var to = target;
        if (to == null) {
            return false;
        }
        var request = HttpRequest.newBuilder(to)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Signature", signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.debug("The merchant answered {} to a webhook", status);
            }
            return status / 100 == 2;
        } catch (IOException e) {
            log.debug("Cannot reach the merchant's webhook at {}: {}", to, e.toString());
            return false;
        }
    }
}
