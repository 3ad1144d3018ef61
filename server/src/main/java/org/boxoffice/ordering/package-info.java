/**
 * Orders: holding tickets, paying for them, cancelling, refunding, and letting holds lapse.
 * The order's own rules are in {@code domain}; this package makes them happen with conditional
 * SQL, so that no decision rests on a stale read.
 */
@ApplicationModule(
        displayName = "Ordering",
        allowedDependencies = {
            "admission",
            "catalog",
            "inventory",
            "payment",
            "partner",
            "ticketing",
            "identity",
            "platform"
        })
@NullMarked
package org.boxoffice.ordering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
