/**
 * Venues with their zones and seat rows, events with their sale rules, pricing and ticket
 * stock, and what visitors read about them: the event list, event details with live counts and
 * prices, and seat maps. The facade is {@link org.boxoffice.catalog.Catalog}.
 */
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"inventory", "partner", "identity", "platform"})
@NullMarked
package org.boxoffice.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
