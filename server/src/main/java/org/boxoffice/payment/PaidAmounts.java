package org.boxoffice.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the money the provider reports taken is the money the attempt asked for (the order's
 * total). A success of another amount or currency pays nothing: it is counted ({@code
 * boxoffice.payment.amount.mismatches}), logged, recorded as {@link AttemptStatus#MISMATCHED} and
 * refunded, and the order stays payable.
 */
@Component
class PaidAmounts {

    private static final Logger log = LoggerFactory.getLogger(PaidAmounts.class);

    private final Counter mismatches;

    PaidAmounts(MeterRegistry meters) {
        this.mismatches = Counter.builder("boxoffice.payment.amount.mismatches")
                .description("Successes the provider reported for another amount or currency than asked (refunded)")
                .register(meters);
    }

    /** True when {@code charged} is what the attempt asked for; else counts and logs the mismatch. */
    boolean match(PaymentAttempt attempt, String paymentId, Money charged, String reportedBy) {
        if (attempt.amount().equals(charged)) {
            return true;
        }
        mismatches.increment();
        log.error(
                "The provider reports payment {} of order {} ({}) as {} {}, but the attempt asked for {} {}: it will be refunded",
                paymentId,
                attempt.orderId(),
                reportedBy,
                charged.amount(),
                charged.currency(),
                attempt.amount().amount(),
                attempt.amount().currency());
        return false;
    }

    static String reason(Money charged) {
        return "the provider charged " + charged.amount() + " " + charged.currency()
                + ", not the order's total; it is refunded";
    }
}
