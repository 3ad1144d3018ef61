package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderCalls;
import org.boxoffice.simulator.PaymentSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BoxofficeIT
class PaymentsIT {

    private static final Money PRICE = new Money(4_000_000, "KZT");

    @Autowired
    Payments payments;

    @Autowired
    PaymentAttempts attempts;

    @Autowired
    ProviderCalls calls;

    @Autowired
    ReconciliationSchedule reconciliation;

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
    void aChargeSucceedsAndIsRecorded() {
        var outcome = payments.charge(orderId, PRICE, key("a"));

        var paymentId = assertSucceeded(outcome);
        var attempt = attempts.find(key("a")).orElseThrow();
        assertThat(attempt.status()).isEqualTo(AttemptStatus.SUCCEEDED);
        assertThat(attempt.paymentId()).isEqualTo(paymentId);
        assertThat(attempt.amount()).isEqualTo(PRICE);
        assertThat(payments.hasSucceededPayment(orderId)).isTrue();
        var charged = provider.paymentsFor(orderId);
        assertThat(charged).hasSize(1);
        assertThat(charged.getFirst().get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(charged.getFirst().get("amount").asLong()).isEqualTo(PRICE.amount());
        assertThat(events.succeeded(orderId))
                .as("the caller has the answer; nothing is announced")
                .isEmpty();
    }

    @Test
    void aDeclineIsReportedAsDeclinedAndTheBuyerMayPayAgain() {
        provider.behave(Map.of("mode", "ALWAYS_DECLINE", "times", 1));

        var declined = payments.charge(orderId, PRICE, key("first"));

        assertThat(declined).isInstanceOf(ChargeOutcome.Declined.class);
        assertThat(attempts.find(key("first")).orElseThrow().status()).isEqualTo(AttemptStatus.DECLINED);
        assertThat(payments.hasSucceededPayment(orderId)).isFalse();

        assertSucceeded(payments.charge(orderId, PRICE, key("second")));
        assertThat(provider.paymentsFor(orderId))
                .extracting(payment -> payment.get("status").asString())
                .containsExactlyInAnyOrder("DECLINED", "SUCCEEDED");
    }

    @Test
    void retriesReuseTheIdempotencyKeyAndChargeOnce() {
        provider.behave(Map.of("mode", "LOSE_ANSWER_AFTER_CHARGE", "times", 2));

        var paymentId = assertSucceeded(payments.charge(orderId, PRICE, key("lost-twice")));

        var charged = provider.paymentsFor(orderId);
        assertThat(charged).hasSize(1);
        assertThat(charged.getFirst().get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(charged.getFirst().get("idempotencyKey").asString()).isEqualTo(key("lost-twice"));
        assertThat(charged.getFirst().get("requests").asInt()).isEqualTo(3);
    }

    @Test
    void aProviderErrorBeforeChargingIsRetriedUntilItCharges() {
        provider.behave(Map.of("mode", "ALWAYS_FAIL", "times", 2));
        long before = provider.chargeRequests();

        assertSucceeded(payments.charge(orderId, PRICE, key("flaky")));

        assertThat(provider.chargeRequests() - before).isEqualTo(3);
        assertThat(provider.paymentsFor(orderId)).hasSize(1);
    }

    @Test
    void anAttemptAlreadyAnsweredIsNotSentAgain() {
        var first = payments.charge(orderId, PRICE, key("once"));
        long before = provider.chargeRequests();

        var again = payments.charge(orderId, PRICE, key("once"));
        var anotherKey = payments.charge(orderId, PRICE, key("twice"));

        assertThat(again).isEqualTo(first);
        assertThat(anotherKey).as("a paid order is not charged again").isEqualTo(first);
        assertThat(provider.chargeRequests()).isEqualTo(before);
        assertThat(provider.paymentsFor(orderId)).hasSize(1);
    }

    @Test
    void aLostAnswerEndsUnknownAndSettlingFindsTheCharge() {
        provider.behave(Map.of("mode", "LOSE_ANSWER_AFTER_CHARGE"));

        var outcome = payments.charge(orderId, PRICE, key("lost"));

        assertThat(outcome).isEqualTo(new ChargeOutcome.Unknown());
        assertThat(attempts.find(key("lost")).orElseThrow().status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(payments.hasSucceededPayment(orderId)).isFalse();
        var charged = provider.paymentsFor(orderId);
        assertThat(charged).as("the provider did charge").hasSize(1);
        var paymentId = charged.getFirst().get("paymentId").asString();

        provider.fastAndReliable();
        // The lost answers may have opened the breaker; settling is what this test is about.
        calls.breaker().reset();
        var settled = payments.settle(key("lost"));
        var settledAgain = payments.settle(key("lost"));

        assertThat(settled).contains(new ChargeOutcome.Succeeded(paymentId));
        assertThat(settledAgain).isEqualTo(settled);
        assertThat(payments.hasSucceededPayment(orderId)).isTrue();
        assertThat(events.succeeded(orderId)).containsExactly(new PaymentSucceeded(orderId, paymentId, PRICE));
        assertThat(provider.paymentsFor(orderId)).hasSize(1);
    }

    @Test
    void anOpenAttemptBlocksAnotherChargeOfTheOrder() {
        calls.breaker().transitionToForcedOpenState();
        assertThat(payments.charge(orderId, PRICE, key("unknown"))).isEqualTo(new ChargeOutcome.Unknown());
        calls.breaker().reset();

        var another = payments.charge(orderId, PRICE, key("another"));

        assertThat(another).isEqualTo(new ChargeOutcome.Unknown());
        assertThat(attempts.find(key("another"))).isEmpty();
        assertThat(provider.paymentsFor(orderId)).isEmpty();
    }

    @Test
    void reconciliationSettlesAnAttemptThatNeverReachedTheProvider() {
        calls.breaker().transitionToForcedOpenState();
        assertThat(payments.charge(orderId, PRICE, key("never-sent"))).isEqualTo(new ChargeOutcome.Unknown());
        calls.breaker().reset();
        assertThat(payments.settle(key("never-sent")))
                .as("too early to tell: a request might still arrive")
                .isEmpty();
        makeDue(key("never-sent"));

        reconciliation.settleDueAttempts();

        // The scheduled run may have claimed it first; it settles it all the same.
        awaitStatus(key("never-sent"), AttemptStatus.FAILED);
        assertThat(events.failed(orderId)).containsExactly(new PaymentFailed(orderId, null));
        assertThat(payments.settle(key("never-sent")))
                .contains(new ChargeOutcome.Declined(PaymentAttempt.NEVER_REACHED_PROVIDER));
    }

    @Test
    void aRefundReturnsTheMoneyOnceHoweverOftenAsked() {
        var paymentId = assertSucceeded(payments.charge(orderId, PRICE, key("paid")));
        provider.behave(Map.of("mode", "LOSE_ANSWER_AFTER_CHARGE", "times", 1));

        var refund = payments.refund(orderId);
        var again = payments.refund(orderId);

        assertThat(refund).isEqualTo(new RefundOutcome.Refunded(java.util.List.of(paymentId)));
        assertThat(again).isEqualTo(refund);
        assertThat(attempts.find(key("paid")).orElseThrow().status()).isEqualTo(AttemptStatus.REFUNDED);
        assertThat(payments.hasSucceededPayment(orderId)).isFalse();
        var atProvider = provider.paymentsFor(orderId).getFirst();
        assertThat(atProvider.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(atProvider.get("refundRequests").asInt())
                .as("the lost answer was asked for again")
                .isEqualTo(2);
    }

    @Test
    void anOrderWithoutPaymentsHasNothingToRefund() {
        assertThat(payments.refund(UUID.randomUUID())).isEqualTo(new RefundOutcome.NothingToRefund());
    }

    private String key(String name) {
        return orderId + "-" + name;
    }

    private void awaitStatus(String attemptKey, AttemptStatus expected) {
        long giveUpAt = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (attempts.find(attemptKey).orElseThrow().status() != expected && System.nanoTime() < giveUpAt) {
            pause();
        }
        assertThat(attempts.find(attemptKey).orElseThrow().status()).isEqualTo(expected);
    }

    private void makeDue(String attemptKey) {
        var past = Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.sql("UPDATE payment_attempt SET calls_end_by = :past, next_check_at = :past WHERE attempt_key = :key")
                .param("past", past)
                .param("key", attemptKey)
                .update();
    }

    private static String assertSucceeded(ChargeOutcome outcome) {
        assertThat(outcome).isInstanceOf(ChargeOutcome.Succeeded.class);
        return ((ChargeOutcome.Succeeded) outcome).paymentId();
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
