package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderCalls;
import org.boxoffice.simulator.PaymentSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@BoxofficeIT
class PaymentWebhookIT {

    private static final String WEBHOOK = "/api/v1/payments/webhook";
    private static final Money PRICE = new Money(12_000_000, "KZT");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Payments payments;

    @Autowired
    PaymentAttempts attempts;

    @Autowired
    ProviderCalls calls;

    @Autowired
    WebhookSignature signature;

    @Autowired
    RecordedPaymentEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorEndpoint simulator;

    PaymentSimulatorControl provider;
    UUID orderId = UUID.randomUUID();

    @BeforeEach
    void fastProvider() {
        provider = new PaymentSimulatorControl(simulator);
        provider.fastAndReliable();
        calls.breaker().reset();
    }

    @AfterEach
    void resetProvider() {
        provider.reset();
        calls.breaker().reset();
    }

    @Test
    void aWebhookWithoutSignatureIsRefused() {
        var reply = Api.at(port).post(WEBHOOK, notice("pay_x", "SUCCEEDED"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("BAD_SIGNATURE");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aWebhookWithAWrongSignatureIsRefusedAndChangesNothing() {
        var body = text(notice("pay_forged", "SUCCEEDED"));
        var forged = new WebhookSignature("not-the-secret".getBytes(StandardCharsets.UTF_8))
                .sign(body.getBytes(StandardCharsets.UTF_8));

        var reply = Api.at(port).header("X-Signature", forged).post(WEBHOOK, body);
        var garbage = Api.at(port).header("X-Signature", "sha256=zz").post(WEBHOOK, body);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("BAD_SIGNATURE");
        assertThat(garbage.code()).isEqualTo("BAD_SIGNATURE");
        assertThat(recordedNotices("pay_forged")).isZero();
        assertThat(events.succeeded(orderId)).isEmpty();
    }

    @Test
    void aSignedWebhookThatCannotBeReadIsABadRequest() {
        for (var body : new String[] {"{", "{}", "[1]", "{\"paymentId\": \"p\", \"orderId\": \"nope\"}"}) {
            var reply = postSigned(body);

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo("VALIDATION");
        }
    }

    @Test
    void aWebhookSettlesAnUnknownAttemptAndItsRepeatsChangeNothing() {
        calls.breaker().transitionToForcedOpenState();
        assertThat(payments.charge(orderId, PRICE, orderId + "-a")).isEqualTo(new ChargeOutcome.Unknown());
        calls.breaker().reset();
        var paymentId = "pay_" + UUID.randomUUID();
        var succeeded = notice(paymentId, "SUCCEEDED");

        var first = postSigned(succeeded);
        var repeat = postSigned(succeeded);
        var contradiction = postSigned(notice(paymentId, "FAILED"));

        assertThat(first.status()).isEqualTo(204);
        assertThat(repeat.status()).isEqualTo(204);
        assertThat(contradiction.status()).isEqualTo(204);
        var attempt = attempts.find(orderId + "-a").orElseThrow();
        assertThat(attempt.status()).isEqualTo(AttemptStatus.SUCCEEDED);
        assertThat(attempt.paymentId()).isEqualTo(paymentId);
        assertThat(events.succeeded(orderId)).containsExactly(new PaymentSucceeded(orderId, paymentId, PRICE));
        assertThat(events.failed(orderId)).isEmpty();
        assertThat(payments.settle(orderId + "-a")).contains(new ChargeOutcome.Succeeded(paymentId));
    }

    @Test
    void aFailedWebhookDeclinesAnUnknownAttempt() {
        calls.breaker().transitionToForcedOpenState();
        payments.charge(orderId, PRICE, orderId + "-a");
        calls.breaker().reset();
        var paymentId = "pay_" + UUID.randomUUID();

        assertThat(postSigned(notice(paymentId, "FAILED")).status()).isEqualTo(204);

        assertThat(attempts.find(orderId + "-a").orElseThrow().status()).isEqualTo(AttemptStatus.DECLINED);
        assertThat(events.failed(orderId)).containsExactly(new PaymentFailed(orderId, paymentId));
        assertThat(payments.hasSucceededPayment(orderId)).isFalse();
    }

    @Test
    void aSuccessNobodyAskedForIsRecordedAndAnnounced() {
        var paymentId = "pay_" + UUID.randomUUID();

        assertThat(postSigned(notice(paymentId, "SUCCEEDED")).status()).isEqualTo(204);

        assertThat(payments.hasSucceededPayment(orderId)).isTrue();
        assertThat(events.succeeded(orderId)).containsExactly(new PaymentSucceeded(orderId, paymentId, PRICE));
    }

    @Test
    void theSimulatorsDuplicateWebhooksBeatTheLostAnswersAndAreTakenInOnce() {
        provider.behave(
                Map.of("mode", "LOSE_ANSWER_AFTER_CHARGE", "times", 3, "webhooks", true, "webhookDuplicateRate", 1));

        var outcome = payments.charge(orderId, PRICE, orderId + "-a");

        assertThat(outcome).isInstanceOf(ChargeOutcome.Succeeded.class);
        var paymentId = ((ChargeOutcome.Succeeded) outcome).paymentId();
        awaitDelivered(2);
        assertThat(recordedNotices(paymentId)).isOne();
        assertThat(events.succeeded(orderId))
                .as("the webhook settled the attempt while the charge call was still retrying")
                .containsExactly(new PaymentSucceeded(orderId, paymentId, PRICE));
    }

    /** Posts the body signed with the shared secret, the way the provider does. */
    private Api.Reply postSigned(Object body) {
        var text = text(body);
        return Api.at(port)
                .header("X-Signature", signature.sign(text.getBytes(StandardCharsets.UTF_8)))
                .post(WEBHOOK, text);
    }

    private Map<String, Object> notice(String paymentId, String status) {
        return Map.of(
                "paymentId",
                paymentId,
                "orderId",
                orderId.toString(),
                "status",
                status,
                "amount",
                Map.of("amount", PRICE.amount(), "currency", PRICE.currency()));
    }

    private long recordedNotices(String paymentId) {
        return jdbc.sql("SELECT count(*) FROM payment_event WHERE payment_id = :paymentId")
                .param("paymentId", paymentId)
                .query(Long.class)
                .single();
    }

    private void awaitDelivered(int webhooks) {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (delivered() < webhooks && System.nanoTime() < giveUpAt) {
            pause();
        }
        assertThat(delivered()).isEqualTo(webhooks);
    }

    private int delivered() {
        return provider.paymentsFor(orderId).getFirst().get("webhooksDelivered").asInt();
    }

    private static String text(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    // Polls for what happens on other threads (webhooks, scheduled jobs) without busy-waiting.
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
