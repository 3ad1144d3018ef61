/**
 * Inventory that others own: the airline's reservation system, which must confirm that a
 * flight's tickets are ours ({@link org.boxoffice.partner.Airline}), and partner venues (cinemas)
 * whose own box office decides which seats are free ({@link org.boxoffice.partner.PartnerVenues}).
 * Both are ports with HTTP adapters, called with timeouts, jittered retries under one deadline,
 * the same idempotency key on every retry and a circuit breaker per provider. Nothing here holds
 * a database connection while waiting; the module has no tables.
 *
 * <p>Knows the simulators only to find the in-process airline and partner venues when no other
 * URL is configured.
 */
@ApplicationModule(
        displayName = "Partner inventory",
        allowedDependencies = {"platform", "simulator"})
@NullMarked
package org.boxoffice.partner;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
