package org.boxoffice.payment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A charge whose outcome was open ended without taking money, learned after the charge call:
 * declined ({@code paymentId} is the provider's id), or it never reached the provider ({@code
 * paymentId} is null). Published once per attempt, inside the transaction that records it.
 */
public record PaymentFailed(UUID orderId, @Nullable String paymentId) {}
