package org.boxoffice.platform;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many calls to one provider may be in flight at once, as the {@code bulkhead} part of a
 * feature's settings ({@code boxoffice.airline.bulkhead.*}, …). Calls beyond it wait for a place,
 * within their deadline, instead of crowding the provider and our own threads.
 *
 * @param maxConcurrentCalls calls in flight at once to the provider (to each partner venue)
 */
public record BulkheadSettings(@DefaultValue("200") int maxConcurrentCalls) {

    public BulkheadSettings {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("A bulkhead lets at least one call through");
        }
    }
}
