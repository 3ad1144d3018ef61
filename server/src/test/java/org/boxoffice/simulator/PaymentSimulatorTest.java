package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PaymentSimulatorTest {

    private static final LatencyRange INSTANT = LatencyRange.of("0ms");
    private static final WebhookBehaviour NO_WEBHOOKS = new WebhookBehaviour(false, INSTANT, 0, 0, INSTANT);

    private final Random random = new Random(42);
    private final PaymentSimulator simulator = new PaymentSimulator(
            behaviour(PaymentMode.NORMAL, null),
            new WebhookSender(new byte[] {1}, null, JsonMapper.builder().build(), random),
            Clock.systemUTC(),
            random,
            Duration.ofMillis(50));

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void concurrentDuplicatesAreChargedOnceAndAllGetTheFirstAnswer() throws Exception {
        simulator.behave(new PaymentBehaviour(PaymentMode.NORMAL, null, LatencyRange.of("20ms-40ms"), 0, NO_WEBHOOKS));
        var command = command("key-1", "order-1");
        var duplicates = new ArrayList<Callable<Reply>>();
        for (int i = 0; i < 50; i++) {
            duplicates.add(() -> simulator.charge(command));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var replies = threads.invokeAll(duplicates).stream()
                    .map(PaymentSimulatorTest::get)
                    .toList();

            assertThat(replies).allSatisfy(reply -> assertThat(status(reply)).isEqualTo(201));
            assertThat(replies.stream()
                            .map(reply -> body(reply).get("paymentId"))
                            .distinct())
                    .hasSize(1);
        }
        var payments = simulator.paymentsFor("order-1");
        assertThat(payments).hasSize(1);
        assertThat(payments.getFirst()).containsEntry("status", "SUCCEEDED").containsEntry("requests", 50);
    }

    @Test
    void aFailureBeforeChargingLeavesTheKeyFreeForTheRetry() throws Exception {
        simulator.behave(behaviour(PaymentMode.ALWAYS_FAIL, 1));
        var command = command("key-2", "order-2");

        assertThat(status(simulator.charge(command))).isEqualTo(503);
        assertThat(simulator.paymentsFor("order-2")).isEmpty();
        assertThat(status(simulator.lookup("key-2"))).isEqualTo(404);

        var retry = simulator.charge(command);
        assertThat(status(retry)).isEqualTo(201);
        assertThat(body(retry)).containsEntry("status", "SUCCEEDED");
        assertThat(simulator.paymentsFor("order-2")).hasSize(1);
    }

    @Test
    void aLostAnswerWasChargedAndTheRetryGetsThatPayment() throws Exception {
        simulator.behave(behaviour(PaymentMode.LOSE_ANSWER_AFTER_CHARGE, 1));
        var command = command("key-3", "order-3");

        assertThat(status(simulator.charge(command))).isEqualTo(504);
        var charged = simulator.paymentsFor("order-3");
        assertThat(charged).hasSize(1);
        assertThat(charged.getFirst()).containsEntry("status", "SUCCEEDED");

        var retry = simulator.charge(command);
        assertThat(body(retry)).containsEntry("paymentId", charged.getFirst().get("paymentId"));
        assertThat(simulator.paymentsFor("order-3").getFirst()).containsEntry("requests", 2);
    }

    @Test
    void aTimeoutChargesAndNeverAnswers() throws Exception {
        simulator.behave(behaviour(PaymentMode.TIMEOUT, 1));

        assertThat(simulator.charge(command("key-4", "order-4"))).isInstanceOf(Reply.NoAnswer.class);
        assertThat(body(simulator.lookup("key-4"))).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void aDeclineIsTheAnswerForItsKeyFromThenOn() throws Exception {
        simulator.behave(behaviour(PaymentMode.ALWAYS_DECLINE, 1));
        var command = command("key-5", "order-5");

        assertThat(body(simulator.charge(command))).containsEntry("status", "DECLINED");
        assertThat(body(simulator.charge(command))).containsEntry("status", "DECLINED");
        assertThat(body(simulator.charge(command("key-6", "order-5")))).containsEntry("status", "SUCCEEDED");
    }

    @Test
    void theSameKeyForAnotherPaymentIsRefused() throws Exception {
        simulator.charge(command("key-7", "order-7"));

        var reused = simulator.charge(new ChargeCommand("key-7", "order-7", 999, "KZT"));

        assertThat(status(reused)).isEqualTo(422);
        assertThat(simulator.paymentsFor("order-7")).hasSize(1);
    }

    @Test
    void aLookupSeesAPaymentStillProcessing() throws Exception {
        simulator.behave(new PaymentBehaviour(PaymentMode.NORMAL, null, LatencyRange.of("300ms"), 0, NO_WEBHOOKS));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var charging = threads.submit(() -> simulator.charge(command("key-8", "order-8")));
            Thread.sleep(100);
            simulator.behave(behaviour(PaymentMode.NORMAL, null));

            assertThat(body(simulator.lookup("key-8"))).containsEntry("status", "PROCESSING");
            assertThat(body(charging.get())).containsEntry("status", "SUCCEEDED");
        }
        assertThat(status(simulator.lookup("never-sent"))).isEqualTo(404);
    }

    @Test
    void aPaymentIsRefundedOnceHoweverOftenAsked() throws Exception {
        var paymentId =
                (String) body(simulator.charge(command("key-9", "order-9"))).get("paymentId");

        var first = simulator.refund(paymentId);
        var again = simulator.refund(paymentId);

        assertThat(status(first)).isEqualTo(201);
        assertThat(status(again)).isEqualTo(200);
        assertThat(body(again).get("refundId")).isEqualTo(body(first).get("refundId"));
        assertThat(simulator.paymentsFor("order-9").getFirst()).containsEntry("status", "REFUNDED");
    }

    @Test
    void aDeclinedPaymentCannotBeRefunded() throws Exception {
        simulator.behave(behaviour(PaymentMode.ALWAYS_DECLINE, 1));
        var paymentId =
                (String) body(simulator.charge(command("key-10", "order-10"))).get("paymentId");

        assertThat(status(simulator.refund(paymentId))).isEqualTo(409);
        assertThat(status(simulator.refund("pay_unknown"))).isEqualTo(404);
    }

    @Test
    void aForcedModeCountsOnlyTheRequestsItAffects() throws Exception {
        simulator.behave(behaviour(PaymentMode.LOSE_ANSWER_AFTER_CHARGE, 2));

        simulator.lookup("nothing");
        assertThat(simulator.behaviour().times()).isEqualTo(2);
        assertThat(status(simulator.charge(command("key-11", "order-11")))).isEqualTo(504);
        assertThat(status(simulator.charge(command("key-11", "order-11")))).isEqualTo(504);
        assertThat(simulator.behaviour().mode()).isEqualTo(PaymentMode.NORMAL);
        assertThat(status(simulator.charge(command("key-11", "order-11")))).isEqualTo(201);
        assertThat(simulator.paymentsFor("order-11").getFirst()).containsEntry("requests", 3);
    }

    @Test
    void normalModeFailsAtTheFailureRateInEveryKind() throws Exception {
        simulator.behave(new PaymentBehaviour(PaymentMode.NORMAL, null, INSTANT, 0.5, NO_WEBHOOKS));
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 400; i++) {
            var reply = simulator.charge(command("random-" + i, "order-random"));
            statuses.add(reply instanceof Reply.Answer answer ? answer.status() : 0);
        }
        long declined = simulator.paymentsFor("order-random").stream()
                .filter(payment -> payment.get("status").equals("DECLINED"))
                .count();

        assertThat(declined).isBetween(60L, 140L);
        assertThat(statuses).contains(201, 503, 504, 0);
        assertThat(statuses.stream().filter(status -> status == 201).count()).isBetween(250L, 350L);
    }

    private PaymentBehaviour behaviour(PaymentMode mode, @Nullable Integer times) {
        return new PaymentBehaviour(mode, times, INSTANT, 0, NO_WEBHOOKS);
    }

    private static ChargeCommand command(String key, String reference) {
        return new ChargeCommand(key, reference, 4_000_000, "KZT");
    }

    private static int status(Reply reply) {
        return ((Reply.Answer) reply).status();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Reply reply) {
        return (Map<String, Object>) ((Reply.Answer) reply).body();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
