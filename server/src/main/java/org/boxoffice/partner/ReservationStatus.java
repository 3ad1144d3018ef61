package org.boxoffice.partner;

/** What the airline knows of a reservation key. */
public enum ReservationStatus {
    /** The airline holds the tickets under the key. */
    CONFIRMED,
    /**
     * The airline holds nothing under the key: it never heard of it, refused it or cancelled it.
     * "Never heard of it" is final only once no request with the key can still arrive (after
     * the reserve call's deadline), or once {@link Airline#cancel} succeeded, which turns away a
     * request arriving late.
     */
    NOT_FOUND,
    /** Not known yet: the airline is still deciding, or could not be asked. Ask again later. */
    UNKNOWN
}
