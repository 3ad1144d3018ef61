package org.boxoffice.partner;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The port to the airline's reservation system. Each method is one request and may take at most
 * {@code timeout}. A request that got no usable answer throws {@link
 * org.boxoffice.platform.ProviderUnavailable} (worth retrying with the same key); one the airline
 * refused as malformed throws {@link org.boxoffice.platform.ProviderRejected}.
 */
interface ReservationSystem {

    /** Reserves once per {@code request.reservationKey()}: {@code Confirmed} or {@code Refused}. */
    AirlineOutcome reserve(ReservationRequest request, Duration timeout);

    /** Cancels whatever is reserved under the key, and turns away later requests with it. */
    void cancel(String reservationKey, Duration timeout);

    /** What the airline knows of the key now. */
    ReservationStatus find(String reservationKey, Duration timeout);

    record ReservationRequest(String reservationKey, UUID flightId, List<UUID> ticketIds, String passengerRef) {

        public ReservationRequest {
            ticketIds = List.copyOf(ticketIds);
        }
    }
}
