package org.boxoffice.payment;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Remembers every payment event published while the tests run, for tests to count. */
@Component
class RecordedPaymentEvents {

    private final List<PaymentSucceeded> succeeded = new CopyOnWriteArrayList<>();
    private final List<PaymentFailed> failed = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PaymentSucceeded event) {
        succeeded.add(event);
    }

    @EventListener
    void on(PaymentFailed event) {
        failed.add(event);
    }

    List<PaymentSucceeded> succeeded(UUID orderId) {
        return succeeded.stream()
                .filter(event -> event.orderId().equals(orderId))
                .toList();
    }

    List<PaymentFailed> failed(UUID orderId) {
        return failed.stream().filter(event -> event.orderId().equals(orderId)).toList();
    }
}
