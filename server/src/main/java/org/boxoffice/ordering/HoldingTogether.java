package org.boxoffice.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.boxoffice.inventory.ClaimOutcome;
import org.boxoffice.inventory.ClaimRequest;
import org.boxoffice.inventory.ClaimsTogether;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderItem;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.platform.ApiException;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.Outbox;
import org.boxoffice.ticketing.Ticketing;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group commit: decides many holds for one event in one transaction. The buyers' locks are taken
 * together, their limits counted with one query and settled in memory (two holds of one buyer in
 * a group count against each other), the tickets claimed together (see {@link
 * TicketHolds#holdTogether}), and the orders and their outbox records written with one statement
 * each. Each hold gets its own outcome; one hold's refusal never undoes another's.
 */
@Component
class HoldingTogether {

    private final BuyerLimits limits;
    private final TicketHolds holds;
    private final Orders orders;
    private final Outbox outbox;
    private final Ticketing ticketing;
    private final JdbcClient jdbc;
    private final HoldSettings settings;

    HoldingTogether(
            BuyerLimits limits,
            TicketHolds holds,
            Orders orders,
            Outbox outbox,
            Ticketing ticketing,
            JdbcClient jdbc,
            HoldSettings settings) {
        this.limits = limits;
        this.holds = holds;
        this.orders = orders;
        this.outbox = outbox;
        this.ticketing = ticketing;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The holds of one event, in the order they came; one outcome per hold, in the same order. */
    @Transactional
    Decisions holdAll(SaleTerms terms, List<GroupedHold> group, Instant now) {
        var userIds = group.stream().map(GroupedHold::userId).toList();
        limits.lockUsers(userIds);
        var refusals = refuseOverLimits(terms, group, now);
        var claims = claimTickets(terms, group, refusals, now);
        var outcomes = new ArrayList<HoldOutcome>(group.size());
        var placed = new ArrayList<Order>();
        for (int i = 0; i < group.size(); i++) {
            var outcome = outcome(terms, group.get(i), refusals.get(i), claims.get(i), now);
            outcomes.add(outcome);
            if (outcome.order() != null) {
                placed.add(outcome.order());
            }
        }
        record(terms, placed);
        return new Decisions(outcomes, claims.leftInShortZones());
    }

    /** The outcomes, and how many tickets were left in each zone found short. */
    record Decisions(List<HoldOutcome> outcomes, Map<String, Integer> leftInShortZones) {}

    /** Each hold's limit refusal, or null; earlier holds of the same buyer in the group count. */
    private List<@Nullable ApiException> refuseOverLimits(SaleTerms terms, List<GroupedHold> group, Instant now) {
        var userIds = group.stream().map(GroupedHold::userId).distinct().toList();
        var standings = new HashMap<>(limits.standings(userIds, terms.eventId(), terms.limitGroup(), now));
        var refusals = new ArrayList<@Nullable ApiException>(group.size());
        for (var hold : group) {
            var standing = standings.getOrDefault(hold.userId(), BuyerLimits.Standing.NOTHING);
            var refusal = standing.refusal(terms, hold.request().ticketCount());
            refusals.add(refusal);
            if (refusal == null) {
                standings.put(hold.userId(), standing.plus(hold.request().ticketCount()));
            }
        }
        return refusals;
    }

    /** Claims the tickets of the holds within their limits; the result lines up with {@code group}. */
    private GroupClaims claimTickets(
            SaleTerms terms, List<GroupedHold> group, List<@Nullable ApiException> refusals, Instant now) {
        var positions = new ArrayList<Integer>();
        var requests = new ArrayList<ClaimRequest>();
        for (int i = 0; i < group.size(); i++) {
            if (refusals.get(i) == null) {
                positions.add(i);
                requests.add(claimRequest(group.get(i).request()));
            }
        }
        var claimed = requests.isEmpty()
                ? new ClaimsTogether(List.of(), Map.of())
                : holds.holdTogether(terms.eventId(), requests, now.plus(terms.holdTime()), now);
        var byHold = new Claimed[group.size()];
        for (int k = 0; k < positions.size(); k++) {
            byHold[positions.get(k)] =
                    new Claimed(requests.get(k), claimed.outcomes().get(k));
        }
        return new GroupClaims(byHold, claimed.leftInShortZones());
    }

    /** A hold's claim and what it got. */
    private record Claimed(ClaimRequest request, ClaimOutcome outcome) {}

    /** Each hold's claim, by its place in the group (null: refused by its limits, nothing claimed). */
    private record GroupClaims(@Nullable Claimed[] byHold, Map<String, Integer> leftInShortZones) {

        @Nullable
        Claimed get(int hold) {
            return byHold[hold];
        }
    }

    private static ClaimRequest claimRequest(OrderRequest request) {
        var orderId = UUID.randomUUID();
        return request.seats() != null
                ? ClaimRequest.seats(orderId, request.seats())
                : ClaimRequest.best(orderId, Objects.requireNonNull(request.zone()), request.ticketCount());
    }

    private static HoldOutcome outcome(
            SaleTerms terms,
            GroupedHold hold,
            @Nullable ApiException limitRefusal,
            @Nullable Claimed claimed,
            Instant now) {
        if (limitRefusal != null || claimed == null) {
            return HoldOutcome.refused(Objects.requireNonNull(limitRefusal));
        }
        var claim = claimed.outcome();
        if (!claim.isHeld()) {
            return HoldOutcome.refused(Objects.requireNonNull(claim.refusal()));
        }
        var items = claim.tickets().stream()
                .map(ticket -> HoldingTickets.item(ticket, terms))
                .toList();
        var total = items.stream().map(OrderItem::price).reduce(Money::plus).orElseThrow();
        var free = total.amount() == 0;
        var order = new Order(
                claimed.request().orderId(),
                hold.userId(),
                terms.eventId(),
                free ? OrderStatus.PAID : OrderStatus.HELD,
                items,
                total,
                now.plus(terms.holdTime()),
                now,
                free ? now : null,
                null,
                false);
        return HoldOutcome.placed(order);
    }

    /** Writes the placed orders and their outbox records; free ones are sold and issued at once. */
    private void record(SaleTerms terms, List<Order> placed) {
        orders.addAll(placed, terms.limitGroup());
        var paid = placed.stream()
                .filter(order -> order.status() == OrderStatus.PAID)
                .toList();
        if (paid.isEmpty() && settings.asynchronousCommit()) {
            // Holds carry no money: let the commit return before its WAL reaches the disk.
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
        }
        holds.sellAll(terms.eventId(), paid.stream().map(Order::id).toList());
        for (var order : paid) {
            ticketing.issue(order.id(), order.userId(), order.eventId(), HoldingTickets.toIssue(order.items()));
        }
        var held = new LinkedHashMap<UUID, Object>();
        var sold = new LinkedHashMap<UUID, Object>();
        placed.forEach(
                order -> (order.status() == OrderStatus.PAID ? sold : held).put(order.id(), OrderEvents.placed(order)));
        outbox.appendAll("order", "OrderPlaced", held);
        outbox.appendAll("order", "OrderPaid", sold);
    }
}
