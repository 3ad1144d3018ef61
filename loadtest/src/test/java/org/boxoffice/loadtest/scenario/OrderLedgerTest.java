package org.boxoffice.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderLedgerTest {

    private final OrderLedger ledger = new OrderLedger();
    private final UUID flight = UUID.randomUUID();
    private final UUID ticket = UUID.randomUUID();

    private OrderSnapshot order(OrderStatus status, boolean paymentPending) {
        return new OrderSnapshot(UUID.randomUUID(), flight, status, paymentPending, List.of(ticket));
    }

    private static OrderSnapshot now(OrderSnapshot order, OrderStatus status) {
        return new OrderSnapshot(order.id(), order.eventId(), status, false, order.ticketIds());
    }

    @Test
    void aTicketInTwoPaidOrdersIsFound() {
        var first = order(OrderStatus.PAID, false);
        var second = order(OrderStatus.PAID, false);
        ledger.saw("a", first);
        ledger.saw("b", second);

        assertThat(ledger.ticketsInSeveralPaidOrders())
                .containsOnlyKeys(ticket)
                .hasEntrySatisfying(
                        ticket, orders -> assertThat(orders).containsExactlyInAnyOrder(first.id(), second.id()));
    }

    @Test
    void aTicketResoldAfterARefundIsNoDuplicate() {
        var refunded = order(OrderStatus.PAID, false);
        ledger.saw("a", refunded);
        ledger.saw("a", now(refunded, OrderStatus.REFUNDED));
        ledger.saw("b", order(OrderStatus.PAID, false));

        assertThat(ledger.ticketsInSeveralPaidOrders()).isEmpty();
        assertThat(ledger.paidTicketsByFlight()).containsEntry(flight, 1L);
    }

    @Test
    void pendingPaymentsAndLostAnswersAreReadAgain() {
        var pending = order(OrderStatus.HELD, true);
        var lost = order(OrderStatus.PAID, false);
        ledger.saw("a", pending);
        ledger.lostTrackOf("b", lost);
        ledger.saw("c", order(OrderStatus.PAID, false));

        assertThat(ledger.needingReading())
                .extracting(entry -> entry.order().id())
                .containsExactlyInAnyOrder(pending.id(), lost.id());

        ledger.saw("a", now(pending, OrderStatus.PAID));
        ledger.saw("b", lost);

        assertThat(ledger.needingReading()).isEmpty();
    }
}
