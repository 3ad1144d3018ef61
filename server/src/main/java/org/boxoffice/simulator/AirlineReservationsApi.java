package org.boxoffice.simulator;

import java.io.IOException;
import tools.jackson.databind.JsonNode;

/**
 * The airline reservation system's HTTP API, below {@code /airline} (the airline's base URL):
 *
 * <ul>
 *   <li>{@code POST /airline/reservations {reservationKey, flightId, ticketIds, passengerRef}}:
 *       {@code 201 {reservationKey, reference, status: CONFIRMED, ...}} the first time, {@code 200}
 *       with the same reservation for the same key afterwards (a key still processing is waited
 *       for, never reserved twice); {@code 409 {status: REFUSED | CANCELLED, reason}} when the
 *       airline says no or the key was cancelled; {@code 422} for a key reused for other tickets;
 *       {@code 503} when nothing was reserved; {@code 504} when the answer was lost
 *   <li>{@code DELETE /airline/reservations/{reservationKey}}: cancels; {@code 200} with the
 *       reservation, whatever state it was in. A key never seen is remembered as cancelled, so a
 *       reservation request that arrives later under it is refused
 *   <li>{@code GET /airline/reservations/{reservationKey}}: the reservation ({@code status} may be
 *       {@code PROCESSING}), or {@code 404} when no request with the key ever arrived
 * </ul>
 */
final class AirlineReservationsApi implements JsonRoute.Answering {

    static final String BASE = "/airline";
    static final String PATH = BASE + "/reservations";
    private static final int MAX_TICKETS = 50;

    private final AirlineSimulator airline;

    AirlineReservationsApi(AirlineSimulator airline) {
        this.airline = airline;
    }

    @Override
    public Reply answer(JsonExchange exchange) throws IOException, InterruptedException {
        var key = exchange.subPath();
        var method = exchange.method();
        if (key.isEmpty()) {
            return method.equals("POST")
                    ? airline.reserve(command(exchange.body()))
                    : Reply.error(405, "METHOD_NOT_ALLOWED", "POST a reservation to " + PATH);
        }
        return switch (method) {
            case "GET" -> airline.lookup(key);
            case "DELETE" -> airline.cancel(key);
            default -> Reply.error(405, "METHOD_NOT_ALLOWED", "GET or DELETE " + PATH + "/{reservationKey}");
        };
    }

    private static ReservationCommand command(JsonNode body) {
        var passenger = body.path("passengerRef");
        return new ReservationCommand(
                JsonFields.requiredText(body, "reservationKey"),
                JsonFields.requiredText(body, "flightId"),
                JsonFields.requiredTexts(body, "ticketIds", MAX_TICKETS),
                passenger.isMissingNode() || passenger.isNull() ? "" : JsonFields.requiredText(body, "passengerRef"));
    }
}
