package org.boxoffice.catalog;

import java.util.List;

/** One page of the event list; {@code total} counts the matches on all pages. */
public record EventPage(List<EventSummary> items, int page, int size, long total) {}
