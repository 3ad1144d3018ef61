package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.identity.Accounts;
import org.boxoffice.payment.ChargeOutcome;
import org.boxoffice.payment.Payments;
import org.boxoffice.platform.BackgroundCalls;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderCalls;
import org.boxoffice.simulator.PaymentSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.MovableClock;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Paying, declines, unknown outcomes, expiry and refunds, against the payment simulator over HTTP. */
@BoxofficeIT
class OrderPaymentIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Invariants invariants;

    @Autowired
    MovableClock clock;

    @Autowired
    SimulatorEndpoint simulatorEndpoint;

    @Autowired
    Payments payments;

    @Autowired
    ProviderCalls paymentProviderCalls;

    @Autowired
    ReconcilingPayments reconcilingPayments;

    @Autowired
    BackgroundCalls background;

    Sales sales;
    Buyers buyers;
    PaymentSimulatorControl provider;

    @BeforeEach
    void setUp() {
        sales = new Sales(catalog);
        buyers = new Buyers(accounts, port);
        provider = new PaymentSimulatorControl(simulatorEndpoint);
        provider.fastAndReliable();
        paymentProviderCalls.breaker().reset();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        provider.reset();
        // A test that made the provider fail opened the breaker; the next test starts afresh.
        paymentProviderCalls.breaker().reset();
    }

    @Test
    void paidOrderSellsItsTicketsAndIssuesETickets() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 2);

        var paid = buyer.postOnce(payments(order), Map.of("method", "card"));

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("paidAt").asString()).isNotBlank();
        assertThat(paid.json().get("tickets").size()).isEqualTo(2);
        assertThat(provider.paymentsFor(order)).hasSize(1);
        assertZone(event, "FLOOR", 8, 0, 2);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void declinedPaymentKeepsTheOrderHeldAndMayBeRetried() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        provider.behave(Map.of("mode", "ALWAYS_DECLINE", "times", 1));

        var declined = buyer.postOnce(payments(order), Map.of());

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.code()).isEqualTo("PAYMENT_DECLINED");
        var held = buyer.get("/api/v1/orders/" + order).json();
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("paymentPending").asBoolean()).isFalse();

        var retried = buyer.postOnce(payments(order), Map.of());

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("status").asString()).isEqualTo("PAID");
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void aPaymentOfAnotherAmountThanTheTotalDoesNotPayTheOrderAndIsRefunded() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        provider.behave(Map.of("mode", "WRONG_AMOUNT", "times", 1));

        var refused = buyer.postOnce(payments(order), Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(402);
        assertThat(refused.code()).isEqualTo("PAYMENT_DECLINED");
        var held = buyer.get("/api/v1/orders/" + order).json();
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("paymentPending").asBoolean()).isFalse();
        awaitRefund(order);

        var paid = buyer.postOnce(payments(order), Map.of());

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void unknownOutcomeIsPendingDoesNotLapseAndIsSettledLater() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        provider.behave(Map.of("mode", "LOSE_ANSWER_AFTER_CHARGE"));

        var pending = buyer.postOnce(payments(order), Map.of());

        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        assertThat(pending.json().get("code").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(pending.json().get("order").get("paymentPending").asBoolean())
                .isTrue();
        var secondTry = buyer.postOnce(payments(order), Map.of());
        assertThat(secondTry.status()).isEqualTo(202);
        assertThat(buyer.postOnce("/api/v1/orders/" + order + "/cancel", Map.of())
                        .code())
                .isEqualTo("NOT_CANCELLABLE");
        clock.advance(Duration.ofHours(1));
        assertThat(buyer.get("/api/v1/orders/" + order).json().get("status").asString())
                .isNotEqualTo("EXPIRED");

        provider.fastAndReliable();
        var settled = awaitStatus(buyer, order, "PAID");

        assertThat(settled.get("paymentPending").asBoolean()).isFalse();
        assertThat(settled.get("tickets").size()).isEqualTo(1);
        assertThat(provider.paymentsFor(order)).hasSize(1);
        clock.reset();
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void expiredHoldCannotBePaidAndItsTicketsComeBack() {
        var event = sales.arena(3, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 3);

        clock.advance(Duration.ofMinutes(11));

        assertThat(buyer.get("/api/v1/orders/" + order).json().get("status").asString())
                .isEqualTo("EXPIRED");
        var refused = buyer.postOnce(payments(order), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ORDER_EXPIRED");
        assertThat(provider.paymentsFor(order)).isEmpty();
        var another = buyers.one().postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 3));
        assertThat(another.status()).as("lapsed tickets are sold again").isEqualTo(201);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void paidOrderIsRefundedAndItsETicketsVoided() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 2);
        buyer.postOnce(payments(order), Map.of());

        var refunded = buyer.postOnce("/api/v1/orders/" + order + "/cancel", Map.of());

        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.json().get("tickets").get(0).get("status").asString())
                .isEqualTo("VOID");
        assertThat(provider.paymentsFor(order).getFirst().toString()).contains("REFUNDED");
        assertZone(event, "FLOOR", 10, 0, 0);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void noRefundCloseToTheEvent() {
        var soon = Instant.now().plus(Duration.ofHours(6));
        var event = sales.arena(10, Sales.generous(), soon, EventKind.CONCERT, Sales.FLOOR_PRICE);
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        buyer.postOnce(payments(order), Map.of());

        var refused = buyer.postOnce("/api/v1/orders/" + order + "/cancel", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("REFUND_WINDOW_CLOSED");
        assertZone(event, "FLOOR", 9, 0, 1);
    }

    @Test
    void paidOrderIsNotChargedAgain() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        buyer.postOnce(payments(order), Map.of());

        var again = buyer.postOnce(payments(order), Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(provider.paymentsFor(order)).hasSize(1);
    }

    @Test
    void parallelPaymentsOfOneOrderChargeOnce() throws Exception {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        provider.behave(Map.of("latency", "200ms-300ms"));
        var attempts = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 10; i++) {
            attempts.add(() -> buyer.postOnce(payments(order), Map.of()));
        }

        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var attempt : pool.invokeAll(attempts)) {
                assertThat(attempt.get().status()).isIn(200, 202, 409);
            }
        }

        awaitStatus(buyer, order, "PAID");
        assertThat(provider.paymentsFor(order)).hasSize(1);
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void moneyThatArrivesAfterTheHoldLapsedIsRefunded() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        clock.advance(Duration.ofMinutes(11));
        awaitStoredStatus(order, "EXPIRED");
        provider.behave(Map.of("mode", "LOSE_ANSWER_AFTER_CHARGE"));

        // A charge the order never asked for, as after a crash: the provider takes the money.
        var outcome = payments.charge(order, Money.of(Sales.FLOOR_PRICE, "KZT"), "late-" + order);
        assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
        provider.fastAndReliable();
        paymentProviderCalls.breaker().reset();

        awaitRefund(order);
        assertThat(buyer.get("/api/v1/orders/" + order).json().get("status").asString())
                .isEqualTo("EXPIRED");
        clock.reset();
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void aLostAnnouncementIsMadeGoodByReconciliation() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var paidOrder = hold(buyer, event, 1);
        var declinedOrder = hold(buyer, event, 1);
        // As after a crash between the provider's answer and the order's update.
        payingSinceAMinute(paidOrder, "SUCCEEDED");
        payingSinceAMinute(declinedOrder, "DECLINED");

        reconcilingPayments.reconcile();
        awaitBackgroundCalls();

        var paid = buyer.get("/api/v1/orders/" + paidOrder).json();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("tickets").size()).isEqualTo(1);
        var reopened = buyer.get("/api/v1/orders/" + declinedOrder).json();
        assertThat(reopened.get("status").asString()).isEqualTo("HELD");
        assertThat(reopened.get("paymentPending").asBoolean()).isFalse();
        InvariantsHold.forEvent(invariants, event);
    }

    @Test
    void eachLongPendingPaymentIsClaimedByOneReconcilerAtATime() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        payingSinceAMinute(order, "PENDING");

        var first = reconcilingPayments.claim();
        var second = reconcilingPayments.claim();

        assertThat(first).contains(order);
        assertThat(second).as("claimed by the first round until its recheck").doesNotContain(order);
        clock.advance(ReconcilingPayments.RECHECK_AFTER.plusSeconds(1));
        assertThat(reconcilingPayments.claim()).contains(order);
        clock.reset();
    }

    private void awaitBackgroundCalls() {
        assertThat(background.awaitIdle(Duration.ofSeconds(20)))
                .as("background calls done")
                .isTrue();
    }

    private void payingSinceAMinute(UUID order, String attemptStatus) {
        var aMinuteAgo = java.sql.Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.sql("UPDATE customer_order SET payment_pending = true, payment_started_at = :then WHERE id = :order")
                .param("then", aMinuteAgo)
                .param("order", order)
                .update();
        jdbc.sql("""
                        INSERT INTO payment_attempt (attempt_key, order_id, amount, currency, status, created_at,
                                                     updated_at, calls_end_by, next_check_at)
                        VALUES (:key, :order, 1000000, 'KZT', :status, :then, :then, :then, :then)
                        """)
                .param("key", "lost-" + order)
                .param("order", order)
                .param("status", attemptStatus)
                .param("then", aMinuteAgo)
                .update();
    }

    @Test
    void everyStateChangeIsInTheOutbox() {
        var event = sales.arena(10, Sales.generous());
        var buyer = buyers.one();
        var order = hold(buyer, event, 1);
        buyer.postOnce(payments(order), Map.of());
        buyer.postOnce("/api/v1/orders/" + order + "/cancel", Map.of());

        var recorded = jdbc.sql("SELECT event_type FROM outbox_event WHERE aggregate_id = :order ORDER BY id")
                .param("order", order)
                .query(String.class)
                .list();

        assertThat(recorded)
                .containsExactly("OrderHeld", "TicketsIssued", "OrderPaid", "TicketsVoided", "OrderRefunded");
    }

    private void awaitStoredStatus(UUID order, String status) {
        await(() -> status.equals(jdbc.sql("SELECT status FROM customer_order WHERE id = :id")
                .param("id", order)
                .query(String.class)
                .single()));
    }

    private void awaitRefund(UUID order) {
        await(() -> provider.paymentsFor(order).stream()
                .anyMatch(payment -> payment.toString().contains("REFUNDED")));
    }

    private static void await(java.util.function.BooleanSupplier condition) {
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

    private UUID hold(Api buyer, UUID event, int quantity) {
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", quantity));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return UUID.fromString(order.json().get("id").asString());
    }

    private static String payments(UUID order) {
        return "/api/v1/orders/" + order + "/payments";
    }

    private static JsonNode awaitStatus(Api buyer, UUID order, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var current = buyer.get("/api/v1/orders/" + order).json();
            if (current.get("status").asString().equals(status) || System.nanoTime() > deadline) {
                assertThat(current.get("status").asString()).isEqualTo(status);
                return current;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void assertZone(UUID event, String code, int available, int held, int sold) {
        for (var zone : Api.at(port).get("/api/v1/events/" + event).json().get("zones")) {
            if (zone.get("code").asString().equals(code)) {
                assertThat(zone.get("available").asInt()).as("available").isEqualTo(available);
                assertThat(zone.get("held").asInt()).as("held").isEqualTo(held);
                assertThat(zone.get("sold").asInt()).as("sold").isEqualTo(sold);
                return;
            }
        }
        throw new AssertionError("No zone " + code);
    }
}
