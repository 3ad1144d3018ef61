/**
 * The event stream to other systems: with {@code spring.kafka.bootstrap-servers} set, every row
 * of the transactional outbox is published to Kafka (topic {@code boxoffice.events}), keyed by
 * the event it belongs to, in outbox order, at least once. One instance of the cluster
 * publishes; how far it got is kept in PostgreSQL, so a new publisher carries on where the last
 * one stopped. Kafka being down never delays a sale: rows wait in the outbox. Nothing depends on
 * this module.
 */
@ApplicationModule(
        displayName = "Event stream",
        allowedDependencies = {"platform"})
@NullMarked
package org.boxoffice.eventstream;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
