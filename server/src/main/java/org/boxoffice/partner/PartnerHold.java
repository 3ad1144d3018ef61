package org.boxoffice.partner;

import java.util.List;

/** What a partner venue answered to a hold. */
public sealed interface PartnerHold {

    /** The partner holds the seats for us until we confirm or release them. */
    record Held() implements PartnerHold {}

    /** Some seats are sold or held already (the partner names them); nothing is held. */
    record Taken(List<String> seats) implements PartnerHold {

        public Taken {
            seats = List.copyOf(seats);
        }
    }

    /**
     * No answer within the deadline (or the circuit breaker is open). The partner may hold the
     * seats after all: {@link PartnerVenues#release} with the same key gives them back.
     */
    record Unavailable() implements PartnerHold {}
}
