package org.boxoffice.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.inventory.ClaimOutcome;
import org.boxoffice.inventory.ClaimRequest;
import org.boxoffice.inventory.GroupClaim;
import org.boxoffice.inventory.TicketHolds;
import org.boxoffice.ordering.domain.Order;
import org.boxoffice.ordering.domain.OrderItem;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.platform.ApiException;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.Outbox;
import org.boxoffice.platform.RequestKey;
import org.boxoffice.platform.RequestKeys;
import org.boxoffice.ticketing.IssuedTicket;
import org.boxoffice.ticketing.Ticketing;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One group of the grouped path ({@link GroupedHolds}): decides many holds for one event in one
 * transaction. The buyers' locks are taken
 * together, their limits counted with one query and settled in memory (two holds of one buyer in
 * a group count against each other), the tickets claimed together (see {@link
 * TicketHolds#holdTogether}), and the orders and their outbox records written with one statement
 * each. Each hold gets its own outcome; one hold's refusal never undoes another's.
 */
@Component
class GroupTransaction {

    private final BuyerLimits limits;
    private final TicketHolds holds;
    private final Orders orders;
    private final Outbox outbox;
    private final Ticketing ticketing;
    private final RequestKeys requestKeys;
    private final JdbcClient jdbc;
    private final HoldSettings settings;

    GroupTransaction(
            BuyerLimits limits,
            TicketHolds holds,
            Orders orders,
            Outbox outbox,
            Ticketing ticketing,
            RequestKeys requestKeys,
            JdbcClient jdbc,
            HoldSettings settings) {
        this.limits = limits;
        this.holds = holds;
        this.orders = orders;
        this.outbox = outbox;
        this.ticketing = ticketing;
        this.requestKeys = requestKeys;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The holds of one event, in the order they came; one outcome per hold, in the same order.
     * Their requests' keys are claimed first (a hold whose key another request has is refused with
     * {@link RequestKeys.KeyInUse} and claims nothing) and answered last.
     */
    @Transactional
    Decisions holdAll(SaleTerms terms, List<QueuedHold> group, Instant now) {
        var userIds = group.stream().map(QueuedHold::userId).toList();
        limits.lockUsers(userIds);
        var taken = requestKeys.claimAll(keysOf(group), now);
        var refusals = refuseTakenOrOverLimits(terms, group, taken, now);
        var claims = claimTickets(terms, group, refusals, now);
        var orders = new ArrayList<@Nullable Order>(group.size());
        for (int i = 0; i < group.size(); i++) {
            var claimed = claims.get(i);
            if (claimed != null && !claimed.outcome().isHeld()) {
                refusals.set(i, claimed.outcome().refusal());
            }
            orders.add(
                    refusals.get(i) == null ? order(terms, group.get(i), Objects.requireNonNull(claimed), now) : null);
        }
        var tickets = record(terms, orders.stream().filter(Objects::nonNull).toList());
        var outcomes = new ArrayList<HoldOutcome>(group.size());
        for (int i = 0; i < group.size(); i++) {
            var order = orders.get(i);
            outcomes.add(
                    order == null
                            ? HoldOutcome.refused(Objects.requireNonNull(refusals.get(i)))
                            : HoldOutcome.placed(
                                    OrderView.of(order, now, tickets.getOrDefault(order.id(), List.of()))));
        }
        settleKeys(group, outcomes, taken, now);
        return new Decisions(outcomes, claims.leftInShortZones());
    }

    /** The outcomes, and how many tickets were left in each zone found short. */
    record Decisions(List<HoldOutcome> outcomes, Map<String, Integer> leftInShortZones) {}

    private static List<RequestKey> keysOf(List<QueuedHold> group) {
        return group.stream().map(QueuedHold::key).filter(Objects::nonNull).toList();
    }

    /**
     * Each hold's refusal so far, or null: its key is another request's, or its buyer is over a
     * limit (earlier holds of the same buyer in the group count).
     */
    private List<@Nullable ApiException> refuseTakenOrOverLimits(
            SaleTerms terms, List<QueuedHold> group, Set<RequestKey> taken, Instant now) {
        var userIds = group.stream().map(QueuedHold::userId).distinct().toList();
        var standings = new HashMap<>(limits.standings(userIds, terms.eventId(), terms.limitGroup(), now));
        var refusals = new ArrayList<@Nullable ApiException>(group.size());
        for (var hold : group) {
            if (hold.key() != null && taken.contains(hold.key())) {
                refusals.add(new RequestKeys.KeyInUse());
                continue;
            }
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
            SaleTerms terms, List<QueuedHold> group, List<@Nullable ApiException> refusals, Instant now) {
        var positions = new ArrayList<Integer>();
        var requests = new ArrayList<ClaimRequest>();
        for (int i = 0; i < group.size(); i++) {
            if (refusals.get(i) == null) {
                positions.add(i);
                requests.add(claimRequest(group.get(i).request()));
            }
        }
        var claimed = requests.isEmpty()
                ? new GroupClaim(List.of(), Map.of())
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

    /** The order of a hold whose tickets were claimed; free ones are sold at once. */
    private static Order order(SaleTerms terms, QueuedHold hold, Claimed claimed, Instant now) {
        var items = claimed.outcome().tickets().stream()
                .map(ticket -> HoldSteps.item(ticket, terms))
                .toList();
        var total = items.stream().map(OrderItem::price).reduce(Money::plus).orElseThrow();
        var free = total.amount() == 0;
        return new Order(
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
    }

    /**
     * Writes the placed orders and their outbox records; free ones are sold and issued at once.
     *
     * @return the e-tickets issued, by order
     */
    private Map<UUID, List<IssuedTicket>> record(SaleTerms terms, List<Order> placed) {
        orders.addAll(placed, terms.limitGroup());
        var paid = placed.stream()
                .filter(order -> order.status() == OrderStatus.PAID)
                .toList();
        if (paid.isEmpty() && settings.asynchronousCommit()) {
            // Holds carry no money: let the commit return before its WAL reaches the disk.
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
        }
        holds.sellAll(terms.eventId(), paid.stream().map(Order::id).toList());
        var issued = new HashMap<UUID, List<IssuedTicket>>();
        for (var order : paid) {
            issued.put(
                    order.id(),
                    ticketing.issue(order.id(), order.userId(), order.eventId(), HoldSteps.toIssue(order.items())));
        }
        var held = new LinkedHashMap<UUID, Object>();
        var sold = new LinkedHashMap<UUID, Object>();
        placed.forEach(
                order -> (order.status() == OrderStatus.PAID ? sold : held).put(order.id(), OrderEvents.placed(order)));
        outbox.appendAll("order", "OrderHeld", held);
        outbox.appendAll("order", "OrderPaid", sold);
        return issued;
    }

    /** Answers the keys of placed holds and forgets those of refused ones (they changed nothing). */
    private void settleKeys(List<QueuedHold> group, List<HoldOutcome> outcomes, Set<RequestKey> taken, Instant now) {
        var answers = new ArrayList<RequestKeys.Answer>();
        var refused = new ArrayList<RequestKey>();
        for (int i = 0; i < group.size(); i++) {
            var key = group.get(i).key();
            if (key == null || taken.contains(key)) {
                continue;
            }
            var order = outcomes.get(i).order();
            if (order != null) {
                answers.add(new RequestKeys.Answer(key, 201, order));
            } else {
                refused.add(key);
            }
        }
        requestKeys.answerAll(answers, now);
        requestKeys.forgetAll(refused);
    }
}
