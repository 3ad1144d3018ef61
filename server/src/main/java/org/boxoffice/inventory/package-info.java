/**
 * Tickets: one row per sellable unit, created with its event; per-zone availability counts and
 * seat maps read from them. Knows nothing about catalogs: callers describe the tickets to create
 * as {@link org.boxoffice.inventory.ZoneStock}s.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = "platform")
@NullMarked
package org.boxoffice.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
