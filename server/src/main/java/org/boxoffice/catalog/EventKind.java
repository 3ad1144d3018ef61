package org.boxoffice.catalog;

/** What sort of thing an event sells. */
public enum EventKind {
    CONCERT,
    FLIGHT,
    CINEMA,
    THEATRE,
    SPORT,
    ACTIVITY,
    OTHER
}
