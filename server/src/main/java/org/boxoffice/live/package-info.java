/**
 * Live availability: {@code GET /api/v1/events/{id}/stream}, server-sent events with each zone's
 * counts and current price, and the fan-out that lets a change committed on any instance reach
 * the streams of every instance. One leader reads the transactional outbox and announces "event
 * X changed" on a Redis channel; every instance marks X dirty and, on its next tick, reads the
 * event once through the catalog and sends the answer to all of its subscribers. Nothing depends
 * on this module.
 */
@ApplicationModule(
        displayName = "Live",
        allowedDependencies = {"catalog", "identity", "platform"})
@NullMarked
package org.boxoffice.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
