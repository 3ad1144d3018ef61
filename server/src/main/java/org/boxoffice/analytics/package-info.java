/**
 * Sales analytics for administrators: live sales per zone with revenue and a per-minute timeline
 * (cached briefly, so that many readers cost one computation a second), and the CSV export of
 * every sold ticket with its e-ticket code. The facade is {@link org.boxoffice.analytics.Analytics}.
 *
 * <p>Counts come from the catalog's event detail; revenue, the timeline and the export read the
 * paid orders, their items and e-tickets straight from the ordering and ticketing tables (read
 * only, like the audit), since no other module's face joins them. Nothing depends on this module.
 */
@ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"catalog", "platform"})
@NullMarked
package org.boxoffice.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
