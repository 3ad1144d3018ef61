package org.boxoffice.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * The card-payment provider: charges once per idempotency key however often and however
 * concurrently the key is sent, refunds once per payment, and announces outcomes by webhook.
 * Latency is slept on the caller's virtual thread. State lives in memory only.
 */
final class PaymentSimulator implements AutoCloseable {

    private static final Duration PATIENCE_WITH_FIRST_REQUEST = Duration.ofSeconds(30);
    private static final int LISTED_PAYMENTS = 1000;
    private static final long WRONG_AMOUNT_EXTRA = 100;

    private final ConcurrentMap<String, SimulatedPayment> byKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SimulatedPayment> byId = new ConcurrentHashMap<>();
    private final AtomicLong chargeRequests = new AtomicLong();
    private final AtomicReference<PaymentBehaviour> behaviour;
    private final PaymentBehaviour configured;
    private final WebhookSender webhooks;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration hang;

    /** @param hang how long a request that gets no answer is held before its connection is closed */
    PaymentSimulator(
            PaymentBehaviour configured, WebhookSender webhooks, Clock clock, RandomGenerator random, Duration hang) {
        this.configured = configured;
        this.behaviour = new AtomicReference<>(configured);
        this.webhooks = webhooks;
        this.clock = clock;
        this.random = random;
        this.hang = hang;
    }

    Reply charge(ChargeCommand command) throws InterruptedException {
        chargeRequests.incrementAndGet();
        var arrived = new SimulatedPayment(newId("pay_"), command, clock.instant());
        var first = byKey.putIfAbsent(command.idempotencyKey(), arrived);
        return first == null ? chargeFirstTime(arrived) : chargeAgain(first, command);
    }

    Reply lookup(String idempotencyKey) throws InterruptedException {
        var fault = arrive(PaymentCall.LOOKUP);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        return Optional.ofNullable(byKey.get(idempotencyKey))
                .filter(payment -> payment.status() != SimulatedPayment.Status.ABANDONED)
                .map(payment -> Reply.of(200, payment.view()))
                .orElseGet(() -> Reply.error(404, "NOT_FOUND", "No payment was requested with this key."));
    }

    Reply payment(String paymentId) {
        var payment = byId.get(paymentId);
        return payment == null ? Reply.error(404, "NOT_FOUND", "No such payment.") : Reply.of(200, payment.view());
    }

    Reply refund(String paymentId) throws InterruptedException {
        var fault = arrive(PaymentCall.REFUND);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        var payment = byId.get(paymentId);
        if (payment == null) {
            return Reply.error(404, "NOT_FOUND", "No such payment.");
        }
        return switch (payment.refund(newId("re_"))) {
            case NOT_REFUNDABLE -> Reply.error(409, "NOT_REFUNDABLE", "Only a succeeded payment can be refunded.");
            case REFUNDED_NOW -> fault.deliver(hang, Reply.of(201, payment.refundView()));
            case ALREADY_REFUNDED -> fault.deliver(hang, Reply.of(200, payment.refundView()));
        };
    }

    PaymentBehaviour behaviour() {
        return behaviour.get();
    }

    PaymentBehaviour configured() {
        return configured;
    }

    void behave(PaymentBehaviour next) {
        behaviour.set(next);
    }

    void webhookTo(java.net.URI target) {
        webhooks.target(target);
    }

    long chargeRequests() {
        return chargeRequests.get();
    }

    /**
     * Counts over all payments by status, and how many merchant references (orders) have more than
     * one payment that took money and kept it: always 0 for a merchant that never charges twice.
     */
    Map<String, Long> totals() {
        var totals = new java.util.LinkedHashMap<String, Long>();
        for (var status : SimulatedPayment.Status.values()) {
            totals.put(status.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
        var kept = new java.util.HashMap<String, Integer>();
        for (var payment : byKey.values()) {
            totals.merge(payment.status().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            if (payment.status() == SimulatedPayment.Status.SUCCEEDED) {
                kept.merge(payment.command().reference(), 1, Integer::sum);
            }
        }
        totals.remove("abandoned");
        totals.put(
                "referencesChargedTwice",
                kept.values().stream().filter(count -> count > 1).count());
        return totals;
    }

    /** The simulator's own record of what it charged for one merchant reference (an order id). */
    List<Map<String, Object>> paymentsFor(String reference) {
        return byKey.values().stream()
                .filter(payment -> payment.command().reference().equals(reference))
                .filter(payment -> payment.status() != SimulatedPayment.Status.ABANDONED)
                .sorted(Comparator.comparing(SimulatedPayment::paymentId))
                .limit(LISTED_PAYMENTS)
                .map(SimulatedPayment::record)
                .toList();
    }

    @Override
    public void close() {
        webhooks.close();
    }

    private Reply chargeFirstTime(SimulatedPayment payment) throws InterruptedException {
        var now = behaviourFor(PaymentCall.NEW_CHARGE);
        Thread.sleep(now.latency().pick(random));
        var fault = now.faultFor(PaymentCall.NEW_CHARGE, random);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            byKey.remove(payment.command().idempotencyKey(), payment);
            payment.abandon();
            return unavailable();
        }
        if (fault == Fault.REFUSE) {
            payment.decline("insufficient_funds");
        } else if (now.chargesWrongAmount()) {
            payment.succeedCharging(payment.command().amount() + WRONG_AMOUNT_EXTRA);
        } else {
            payment.succeed();
        }
        byId.put(payment.paymentId(), payment);
        webhooks.announce(payment, now.webhooks());
        return fault.deliver(hang, Reply.of(201, payment.view()));
    }

    private Reply chargeAgain(SimulatedPayment payment, ChargeCommand command) throws InterruptedException {
        payment.countRequest();
        if (!payment.isFor(command)) {
            return Reply.error(422, "IDEMPOTENCY_KEY_REUSED", "This key was used for another payment.");
        }
        var fault = arrive(PaymentCall.REPEATED_CHARGE);
        if (fault == Fault.FAIL_BEFORE_ACTING) {
            return unavailable();
        }
        if (!payment.awaitDecision(PATIENCE_WITH_FIRST_REQUEST)
                || payment.status() == SimulatedPayment.Status.ABANDONED) {
            return unavailable();
        }
        return fault.deliver(hang, Reply.of(201, payment.view()));
    }

    /** Takes the behaviour for this request, waits its latency and decides its fault. */
    private Fault arrive(PaymentCall call) throws InterruptedException {
        var now = behaviourFor(call);
        Thread.sleep(now.latency().pick(random));
        return now.faultFor(call, random);
    }

    /**
     * A forced behaviour with {@code times} counts the charges and refunds it forced, not the
     * lookups: reconciliation asks in the background whenever it likes, and must not use up the
     * failures a test meant for its own charge.
     */
    private PaymentBehaviour behaviourFor(PaymentCall call) {
        return behaviour.getAndUpdate(
                current -> current.forces(call) && call != PaymentCall.LOOKUP ? current.afterOneUse() : current);
    }

    private static Reply unavailable() {
        return Reply.error(503, "UNAVAILABLE", "The provider is unavailable; nothing was charged.");
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
