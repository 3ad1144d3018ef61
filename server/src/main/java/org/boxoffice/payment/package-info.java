/**
 * Taking money: charges through the payment provider (a port with an HTTP adapter, retried with
 * jittered backoff under one deadline, behind a circuit breaker), refunds, the provider's signed
 * webhook, and reconciliation of outcomes that were unknown. The facade is {@link
 * org.boxoffice.payment.Payments}; outcomes learned after a charge call are announced as {@link
 * org.boxoffice.payment.PaymentSucceeded} and {@link org.boxoffice.payment.PaymentFailed}.
 *
 * <p>Knows the simulators only to find the in-process provider's URL when none is configured.
 */
@ApplicationModule(
        displayName = "Payment",
        allowedDependencies = {"platform", "simulator"})
@NullMarked
package org.boxoffice.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
