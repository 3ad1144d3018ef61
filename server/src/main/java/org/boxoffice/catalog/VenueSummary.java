package org.boxoffice.catalog;

import java.util.UUID;

/** Where an event takes place, as the event list shows it. */
public record VenueSummary(UUID id, String name, String city) {}
