package org.boxoffice.partner;

/** What became of a reservation at the airline. */
public sealed interface AirlineOutcome {

    /** The tickets are ours; {@code reference} is the airline's record locator. */
    record Confirmed(String reference) implements AirlineOutcome {}

    /**
     * The airline said no ({@code OVERBOOKED}, or {@code CANCELLED} for a key cancelled before):
     * nothing is reserved under the key, and asking again with it will not change that.
     */
    record Refused(String reason) implements AirlineOutcome {}

    /**
     * No answer within the deadline (or the circuit breaker is open). The outcome is unknown: the
     * airline may have reserved under the key. {@link Airline#cancel} settles it (and turns away a
     * late request with the key); {@link Airline#lookup} tells what the airline knows.
     */
    record Unavailable() implements AirlineOutcome {}
}
