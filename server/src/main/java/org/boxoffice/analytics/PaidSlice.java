package org.boxoffice.analytics;

import java.time.Instant;

/** The tickets of paid orders of one zone that were paid in one minute, and their revenue. */
record PaidSlice(String zone, Instant minute, long sold, long revenue) {}
