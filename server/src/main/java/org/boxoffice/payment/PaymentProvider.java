package org.boxoffice.payment;

import java.time.Duration;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderRejected;
import org.boxoffice.platform.ProviderUnavailable;
import org.jspecify.annotations.Nullable;

/**
 * The port to the payment provider. Each method is one request and may take at most {@code
 * timeout}. A request that got no usable answer throws {@link ProviderUnavailable} (worth
 * retrying with the same idempotency key); one the provider refused as malformed throws {@link
 * ProviderRejected}.
 */
interface PaymentProvider {

    /** Charges once per {@code request.idempotencyKey()}, however often it is sent. */
    Payment charge(ChargeRequest request, Duration timeout);

    /** What the provider knows of the payment requested with this key. */
    Lookup find(String idempotencyKey, Duration timeout);

    /** Refunds the payment in full; refunding it again answers the same refund. Returns its id. */
    String refund(String paymentId, Duration timeout);

    record ChargeRequest(String idempotencyKey, UUID orderId, Money amount) {}

    /** A payment as the provider reports it; {@code amount} is what it took (or would take). */
    record Payment(
            String paymentId, Status status, @Nullable String declineReason, Money amount) {}

    enum Status {
        PROCESSING,
        SUCCEEDED,
        DECLINED,
        REFUNDED
    }

    sealed interface Lookup {

        record Found(Payment payment) implements Lookup {}

        /** No request with the key ever reached the provider. */
        record NotFound() implements Lookup {}
    }
}
