package org.boxoffice.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JourneyPolicyTest {

    private static final JourneyLimits LIMITS = new JourneyLimits(
            3,
            2,
            2,
            2,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofMillis(10),
            Duration.ofSeconds(1),
            0.1);

    /** Jitter 0 makes every delay the lower end of its range: half the doubled base. */
    private final JourneyPolicy policy = new JourneyPolicy(LIMITS, () -> 0.0);

    private static final UUID FLIGHT = UUID.randomUUID();

    private static OrderSnapshot order(OrderStatus status, boolean paymentPending) {
        return new OrderSnapshot(UUID.randomUUID(), FLIGHT, status, paymentPending, List.of(UUID.randomUUID()));
    }

    private static Answer withOrder(int status, OrderStatus orderStatus) {
        return Answer.of(status, order(orderStatus, false));
    }

    // Holding

    @Test
    void aHeldOrderMovesOnToPayment() {
        var held = withOrder(201, OrderStatus.HELD);

        assertThat(policy.afterHold(held, Attempts.first())).isEqualTo(new Next.Proceed(held.order()));
    }

    @Test
    void aHoldTheAirlineHasNotConfirmedYetIsAwaited() {
        assertThat(policy.afterHold(withOrder(201, OrderStatus.PENDING), Attempts.first()))
                .isEqualTo(new Next.AwaitOrder());
    }

    @Test
    void soldOutTriesAnotherFlightUntilTheTravelerHasTriedEnough() {
        var soldOut = Answer.of(409, "SOLD_OUT");

        assertThat(policy.afterHold(soldOut, new Attempts(0, 0, 2))).isEqualTo(new Next.OtherFlight());
        assertThat(policy.afterHold(soldOut, new Attempts(0, 0, 3)))
                .isEqualTo(new Next.Finish(TravelerOutcome.SOLD_OUT));
    }

    @Test
    void aFlightOutsideItsSaleIsLikeASoldOutOne() {
        assertThat(policy.afterHold(Answer.of(409, "SALE_CLOSED"), Attempts.first()))
                .isEqualTo(new Next.OtherFlight());
        assertThat(policy.afterHold(Answer.of(404, "EVENT_NOT_FOUND"), Attempts.first()))
                .isEqualTo(new Next.OtherFlight());
    }

    @Test
    void anotherLiveOrderEndsTheJourney() {
        assertThat(policy.afterHold(Answer.of(409, "ORDER_LIMIT"), Attempts.first()))
                .isEqualTo(new Next.Finish(TravelerOutcome.ORDER_LIMIT));
    }

    @Test
    void anAirlineFailureIsANewAttemptWithBackoffUntilTheRetriesAreUsedUp() {
        var unavailable = Answer.of(503, "PROVIDER_UNAVAILABLE");

        assertThat(policy.afterHold(unavailable, Attempts.first())).isEqualTo(new Next.Retry(Duration.ofMillis(50)));
        assertThat(policy.afterHold(unavailable, Attempts.first().retried()))
                .isEqualTo(new Next.Retry(Duration.ofMillis(100)));
        assertThat(policy.afterHold(unavailable, Attempts.first().retried().retried()))
                .isEqualTo(new Next.Finish(TravelerOutcome.PROVIDER_UNAVAILABLE));
    }

    @Test
    void anAirlineThatSaysNoLateIsAnotherAttempt() {
        assertThat(policy.afterHoldPoll(withOrder(200, OrderStatus.FAILED), Attempts.first()))
                .isInstanceOf(Next.Retry.class);
        assertThat(policy.afterHoldPoll(withOrder(200, OrderStatus.HELD), Attempts.first()))
                .isInstanceOf(Next.Proceed.class);
    }

    @Test
    void anUnknownOutcomeIsSentAgainWithTheSameKey() {
        for (var unknown : List.of(
                Answer.noAnswer(),
                Answer.of(500, "INTERNAL"),
                Answer.of(502, (String) null),
                Answer.of(503, (String) null),
                Answer.of(409, "IDEMPOTENCY_KEY_IN_USE"))) {
            assertThat(policy.afterHold(unknown, Attempts.first()))
                    .as(unknown.toString())
                    .isEqualTo(new Next.Resend(Duration.ofMillis(50)));
        }
    }

    @Test
    void rateLimitedCallsWaitAsTheServerAsks() {
        var limited = new Answer(429, "RATE_LIMITED", null, Duration.ofSeconds(2));

        assertThat(policy.afterHold(limited, Attempts.first())).isEqualTo(new Next.Resend(Duration.ofSeconds(2)));
    }

    @Test
    void resendsAreBounded() {
        assertThat(policy.afterHold(Answer.noAnswer(), Attempts.first().resent().resent()))
                .isEqualTo(new Next.Finish(TravelerOutcome.ERROR));
    }

    @Test
    void refusedInputIsAnErrorNotARetry() {
        assertThat(policy.afterHold(Answer.of(422, "VALIDATION"), Attempts.first()))
                .isEqualTo(new Next.Finish(TravelerOutcome.ERROR));
        assertThat(policy.afterHold(Answer.of(401, (String) null), Attempts.first()))
                .isEqualTo(new Next.Finish(TravelerOutcome.ERROR));
    }

    // Paying

    @Test
    void aPaidOrderIsDone() {
        var paid = withOrder(200, OrderStatus.PAID);

        assertThat(policy.afterPayment(paid, Attempts.first())).isEqualTo(new Next.Proceed(paid.order()));
    }

    @Test
    void aPendingPaymentIsAwaited() {
        var pending = new Answer(202, "PAYMENT_PENDING", order(OrderStatus.HELD, true), null);

        assertThat(policy.afterPayment(pending, Attempts.first())).isEqualTo(new Next.AwaitOrder());
    }

    @Test
    void aDeclineIsANewAttemptUntilTheRetriesAreUsedUp() {
        var declined = Answer.of(402, "PAYMENT_DECLINED");

        assertThat(policy.afterPayment(declined, Attempts.first())).isInstanceOf(Next.Retry.class);
        assertThat(policy.afterPayment(declined, new Attempts(0, 2, 1)))
                .isEqualTo(new Next.Finish(TravelerOutcome.PAYMENT_DECLINED));
    }

    @Test
    void anExpiredHoldCannotBePaid() {
        assertThat(policy.afterPayment(Answer.of(409, "ORDER_EXPIRED"), Attempts.first()))
                .isEqualTo(new Next.Finish(TravelerOutcome.EXPIRED));
    }

    @Test
    void notPayableMeansReadTheOrderToSeeWhetherAnEarlierAttemptWentThrough() {
        assertThat(policy.afterPayment(Answer.of(409, "ORDER_NOT_PAYABLE"), Attempts.first()))
                .isEqualTo(new Next.AwaitOrder());
    }

    @Test
    void aPaymentWithoutAnswerIsSentAgainWithTheSameKey() {
        assertThat(policy.afterPayment(Answer.noAnswer(), Attempts.first())).isInstanceOf(Next.Resend.class);
        assertThat(policy.afterPayment(Answer.of(503, "PROVIDER_UNAVAILABLE"), Attempts.first()))
                .isInstanceOf(Next.Resend.class);
    }

    @Test
    void readingAPendingPaymentGoesOnUntilItSettles() {
        var paid = withOrder(200, OrderStatus.PAID);

        assertThat(policy.afterPaymentPoll(Answer.of(200, order(OrderStatus.HELD, true)), Attempts.first()))
                .isEqualTo(new Next.AwaitOrder());
        assertThat(policy.afterPaymentPoll(Answer.noAnswer(), Attempts.first())).isEqualTo(new Next.AwaitOrder());
        assertThat(policy.afterPaymentPoll(paid, Attempts.first())).isEqualTo(new Next.Proceed(paid.order()));
        assertThat(policy.afterPaymentPoll(withOrder(200, OrderStatus.EXPIRED), Attempts.first()))
                .isEqualTo(new Next.Finish(TravelerOutcome.EXPIRED));
    }

    @Test
    void aPendingPaymentThatFailedIsLikeADecline() {
        var failed = Answer.of(200, order(OrderStatus.HELD, false));

        assertThat(policy.afterPaymentPoll(failed, Attempts.first())).isInstanceOf(Next.Retry.class);
        assertThat(policy.afterPaymentPoll(failed, new Attempts(0, 2, 1)))
                .isEqualTo(new Next.Finish(TravelerOutcome.PAYMENT_DECLINED));
    }

    // Cancelling

    @Test
    void aRefundOrCancellationIsDone() {
        var refunded = withOrder(200, OrderStatus.REFUNDED);

        assertThat(policy.afterCancel(refunded, Attempts.first())).isEqualTo(new Next.Proceed(refunded.order()));
        assertThat(policy.afterCancel(withOrder(200, OrderStatus.CANCELLED), Attempts.first()))
                .isInstanceOf(Next.Proceed.class);
    }

    @Test
    void aRefusedCancellationEndsTheJourney() {
        assertThat(policy.afterCancel(Answer.of(409, "REFUND_WINDOW_CLOSED"), Attempts.first()))
                .isEqualTo(new Next.Finish(TravelerOutcome.CANCEL_REFUSED));
        assertThat(policy.afterCancel(Answer.noAnswer(), Attempts.first())).isInstanceOf(Next.Resend.class);
    }

    // Backoff

    @Test
    void backoffDoublesUpToTheCapAndJittersInItsUpperHalf() {
        var lowest = new JourneyPolicy(LIMITS, () -> 0.0);
        var highest = new JourneyPolicy(LIMITS, () -> 0.999_999);

        assertThat(lowest.backoff(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(lowest.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(lowest.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(lowest.backoff(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(lowest.backoff(60)).isEqualTo(Duration.ofMillis(500));
        assertThat(highest.backoff(0)).isEqualTo(Duration.ofMillis(99));
        assertThat(highest.backoff(60)).isEqualTo(Duration.ofMillis(999));
    }
}
