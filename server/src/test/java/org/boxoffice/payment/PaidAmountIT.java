package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
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

/**
 * A success the provider reports for another amount or currency than the attempt asked for pays
 * nothing, whoever reports it (the charge answer, the webhook, reconciliation): it is counted and
 * refunded through the provider, and the order may be paid again.
 */
@BoxofficeIT
class PaidAmountIT {

    private static final Money TOTAL = new Money(1_000_000, "KZT");
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
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

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
    void aChargeAnsweredWithAnotherAmountIsNoPaymentAndIsRefunded() {
        provider.behave(Map.of("mode", "WRONG_AMOUNT", "times", 1));
        double before = mismatches();

        var outcome = payments.charge(orderId, TOTAL, orderId + "-a");

        assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
        assertThat(payments.hasSucceededPayment(orderId)).isFalse();
        assertThat(mismatches() - before).isEqualTo(1);
        awaitRefundedAtTheProvider();
        await(() -> attempts.find(orderId + "-a").orElseThrow().status() == AttemptStatus.MISMATCH_REFUNDED);

        var again = payments.charge(orderId, TOTAL, orderId + "-b");

        assertThat(again).isInstanceOf(ChargeOutcome.Succeeded.class);
        assertThat(payments.hasSucceededPayment(orderId)).isTrue();
    }

    @Test
    void aWebhookReportingAnotherAmountSettlesNothingAndTheMoneyIsRefunded() {
        var key = unknownAttempt();
        var paymentId = chargedAtTheProvider(key, TOTAL.amount() + 500);

        var reply = postSigned(Map.of(
                "paymentId",
                paymentId,
                "orderId",
                orderId.toString(),
                "status",
                "SUCCEEDED",
                "amount",
                Map.of("amount", TOTAL.amount() + 500, "currency", "KZT")));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(attempts.find(key).orElseThrow().status())
                .isIn(AttemptStatus.MISMATCHED, AttemptStatus.MISMATCH_REFUNDED);
        assertThat(payments.hasSucceededPayment(orderId)).isFalse();
        awaitRefundedAtTheProvider();
    }

    @Test
    void reconciliationThatFindsAnotherCurrencyRefundsIt() {
        var key = unknownAttempt();
        chargedAtTheProvider(key, TOTAL.amount(), "USD");

        var settled = payments.settle(key);

        assertThat(settled).containsInstanceOf(ChargeOutcome.Declined.class);
        assertThat(payments.hasSucceededPayment(orderId)).isFalse();
        awaitRefundedAtTheProvider();
    }

    /** An attempt whose charge answer was lost a minute ago. */
    private String unknownAttempt() {
        var key = "lost-" + orderId;
        var aMinuteAgo = Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.sql("""
                        INSERT INTO payment_attempt (attempt_key, order_id, amount, currency, status, created_at,
                                                     updated_at, calls_end_by, next_check_at)
                        VALUES (:key, :order, :amount, 'KZT', 'UNKNOWN', :then, :then, :then, :later)
                        """)
                .param("key", key)
                .param("order", orderId)
                .param("amount", TOTAL.amount())
                .param("then", aMinuteAgo)
                .param("later", Timestamp.from(Instant.now().plusSeconds(3600)))
                .update();
        return key;
    }

    private String chargedAtTheProvider(String key, long amount) {
        return chargedAtTheProvider(key, amount, "KZT");
    }

    /** The provider took {@code amount} under the attempt's key (as a faulty provider might). */
    private String chargedAtTheProvider(String key, long amount, String currency) {
        var charged = Api.at(simulator.baseUrl().getPort())
                .post(
                        "/payments",
                        Map.of(
                                "idempotencyKey", key,
                                "reference", orderId.toString(),
                                "amount", amount,
                                "currency", currency));
        assertThat(charged.status()).as(charged.body()).isEqualTo(201);
        return charged.json().get("paymentId").asString();
    }

    private void awaitRefundedAtTheProvider() {
        await(() -> provider.paymentsFor(orderId).stream()
                .anyMatch(payment -> payment.get("status").asString().equals("REFUNDED")));
    }

    private double mismatches() {
        var counter = meters.find("boxoffice.payment.amount.mismatches").counter();
        return counter == null ? 0 : counter.count();
    }

    private Api.Reply postSigned(Object body) {
        var text = JSON.writeValueAsString(body);
        return Api.at(port)
                .header("X-Signature", signature.sign(text.getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/payments/webhook", text);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
