package org.boxoffice.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Payments as operators watch them: {@code boxoffice.payments} by {@code outcome} (succeeded,
 * declined, unknown: what a charge answered the buyer), and {@code boxoffice.payment.webhooks}
 * by {@code result} ({@code applied}, or {@code duplicate}: a notice already taken in, which
 * changed nothing).
 */
@Component
class PaymentMeters {

    private final Counter succeeded;
    private final Counter declined;
    private final Counter unknown;
    private final Counter applied;
    private final Counter duplicate;

    PaymentMeters(MeterRegistry meters) {
        succeeded = charges("succeeded", meters);
        declined = charges("declined", meters);
        unknown = charges("unknown", meters);
        applied = webhooks("applied", meters);
        duplicate = webhooks("duplicate", meters);
    }

    ChargeOutcome charged(ChargeOutcome outcome) {
        switch (outcome) {
            case ChargeOutcome.Succeeded s -> succeeded.increment();
            case ChargeOutcome.Declined d -> declined.increment();
            case ChargeOutcome.Unknown u -> unknown.increment();
        }
        return outcome;
    }

    void webhook(boolean firstTime) {
        (firstTime ? applied : duplicate).increment();
    }

    private static Counter charges(String outcome, MeterRegistry meters) {
        return Counter.builder("boxoffice.payments")
                .description("Charges by the outcome the buyer was told")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static Counter webhooks(String result, MeterRegistry meters) {
        return Counter.builder("boxoffice.payment.webhooks")
                .description("Payment provider webhooks taken in, by result")
                .tag("result", result)
                .register(meters);
    }
}
