package org.boxoffice.payment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code boxoffice.payment.attempts.open}: charges whose outcome is not known yet (pending or
 * unknown), over all instances; read from the database when scraped. After a provider outage it
 * shows how quickly reconciliation and webhooks settle the backlog.
 */
@Component
class OpenAttemptsGauge {

    OpenAttemptsGauge(PaymentAttempts attempts, MeterRegistry meters) {
        Gauge.builder("boxoffice.payment.attempts.open", attempts, PaymentAttempts::countOpen)
                .description("Charges whose outcome is not known yet")
                .register(meters);
    }
}
