package org.boxoffice.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One payment as the provider knows it, from the moment its request arrives. Requests that
 * repeat its idempotency key while it is still processing wait for its decision.
 */
final class SimulatedPayment {

    enum Status {
        PROCESSING,
        SUCCEEDED,
        DECLINED,
        REFUNDED,
        /** Failed before charging; the key is free again and the payment is forgotten. */
        ABANDONED
    }

    enum Refund {
        REFUNDED_NOW,
        ALREADY_REFUNDED,
        NOT_REFUNDABLE
    }

    private final String paymentId;
    private final ChargeCommand command;
    private final Instant createdAt;
    private final CountDownLatch decided = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger(1);
    private final AtomicInteger refundRequests = new AtomicInteger();
    private final AtomicInteger webhooksDelivered = new AtomicInteger();
    private volatile Status status = Status.PROCESSING;
    private volatile @Nullable String declineReason;
    private volatile @Nullable String refundId;
    private volatile long charged;

    SimulatedPayment(String paymentId, ChargeCommand command, Instant createdAt) {
        this.paymentId = paymentId;
        this.command = command;
        this.createdAt = createdAt;
        this.charged = command.amount();
    }

    String paymentId() {
        return paymentId;
    }

    ChargeCommand command() {
        return command;
    }

    Status status() {
        return status;
    }

    boolean isFor(ChargeCommand other) {
        return command.equals(other);
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    void countWebhookDelivered() {
        webhooksDelivered.incrementAndGet();
    }

    void succeed() {
        decide(Status.SUCCEEDED, null);
    }

    /** Succeeds, but takes {@code amount} instead of what was asked. */
    void succeedCharging(long amount) {
        charged = amount;
        succeed();
    }

    /** What the payment took (or would take), in minor units: as a rule the amount asked for. */
    long charged() {
        return charged;
    }

    void decline(String reason) {
        decide(Status.DECLINED, reason);
    }

    void abandon() {
        decide(Status.ABANDONED, null);
    }

    /** Waits for the first request's decision; false when it takes longer than {@code patience}. */
    boolean awaitDecision(Duration patience) throws InterruptedException {
        return decided.await(patience.toNanos(), TimeUnit.NANOSECONDS);
    }

    synchronized Refund refund(String newRefundId) {
        refundRequests.incrementAndGet();
        if (status == Status.REFUNDED) {
            return Refund.ALREADY_REFUNDED;
        }
        if (status != Status.SUCCEEDED) {
            return Refund.NOT_REFUNDABLE;
        }
        status = Status.REFUNDED;
        refundId = newRefundId;
        return Refund.REFUNDED_NOW;
    }

    /** The payment as the provider's API shows it. */
    Map<String, Object> view() {
        var view = new LinkedHashMap<String, Object>();
        view.put("paymentId", paymentId);
        view.put("idempotencyKey", command.idempotencyKey());
        view.put("reference", command.reference());
        view.put("amount", charged);
        view.put("currency", command.currency());
        view.put("status", status.name());
        view.put("declineReason", declineReason);
        view.put("refundId", refundId);
        view.put("createdAt", createdAt.toString());
        return view;
    }

    /** The view plus what only the simulator's control API tells: how often it was asked. */
    Map<String, Object> record() {
        var record = view();
        record.put("requests", requests.get());
        record.put("refundRequests", refundRequests.get());
        record.put("webhooksDelivered", webhooksDelivered.get());
        return record;
    }

    Map<String, Object> refundView() {
        var view = new LinkedHashMap<String, Object>();
        view.put("refundId", refundId);
        view.put("paymentId", paymentId);
        view.put("status", "REFUNDED");
        view.put("amount", charged);
        view.put("currency", command.currency());
        return view;
    }

    private synchronized void decide(Status decision, @Nullable String reason) {
        if (status == Status.PROCESSING) {
            status = decision;
            declineReason = reason;
        }
        decided.countDown();
    }
}
