package org.boxoffice.loadtest.scenario;

import java.util.UUID;

/** A flight from the event list, with its counts at the moment the run started. */
record Flight(UUID id, String title, long capacity, long available) {}
