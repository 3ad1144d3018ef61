package org.boxoffice.simulator;

import java.util.List;

/** What a seller asks the airline to reserve: these tickets of the flight, under one key. */
record ReservationCommand(String reservationKey, String flightId, List<String> ticketIds, String passengerRef) {

    ReservationCommand {
        ticketIds = List.copyOf(ticketIds);
    }
}
