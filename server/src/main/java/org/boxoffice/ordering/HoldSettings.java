package org.boxoffice.ordering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How holds reach the database.
 *
 * @param grouped concurrent holds for one event are decided together, one transaction per group
 *     (group commit); {@code false} is the reference path, one transaction per hold
 * @param maxGroup the most holds decided in one transaction
 * @param drainersPerEvent how many groups of one event may be in the database at once (per
 *     instance)
 * @param asynchronousCommit a group of holds (which carry no money) commits with {@code
 *     synchronous_commit = off}: a database crash may forget the last fraction of a second of
 *     holds, never a payment; groups that sell free tickets always commit durably
 * @param soldOutMemory how long a zone found short of tickets refuses larger requests from memory
 * @param answerWithin the longest a hold waits for its group to be decided before it is answered
 *     {@code 503 OVERLOADED}; longer than a group's statements take within their timeouts
 */
@ConfigurationProperties("boxoffice.holds")
record HoldSettings(
        @DefaultValue("true") boolean grouped,
        @DefaultValue("256") int maxGroup,
        @DefaultValue("2") int drainersPerEvent,
        @DefaultValue("true") boolean asynchronousCommit,
        @DefaultValue("200ms") Duration soldOutMemory,
        @DefaultValue("15s") Duration answerWithin) {}
