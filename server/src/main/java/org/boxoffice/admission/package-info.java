/**
 * Metering the crowd before it reaches the hold path: the waiting room of a hot event (a queue in
 * Redis shared by every instance, admitting people at the event's rate, and the signed admission
 * tokens that {@code POST /orders} asks for), and the rate limits per user and per client
 * address. Redis is an accelerator here, never the truth: losing it loses places in the queue,
 * never a ticket.
 */
@ApplicationModule(
        displayName = "Admission",
        allowedDependencies = {"catalog", "identity", "platform"})
@NullMarked
package org.boxoffice.admission;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
