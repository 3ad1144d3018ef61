package org.boxoffice.payment;

import java.util.UUID;
import org.boxoffice.platform.Money;

/**
 * The provider took {@code amount} for the order, learned after the charge call (from the
 * webhook or reconciliation). Published once per payment, inside the transaction that records it.
 */
public record PaymentSucceeded(UUID orderId, String paymentId, Money amount) {}
