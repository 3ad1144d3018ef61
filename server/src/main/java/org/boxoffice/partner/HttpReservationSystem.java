package org.boxoffice.partner;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.boxoffice.platform.ProviderUnavailable;
import tools.jackson.databind.JsonNode;

/**
 * The airline's reservation system over HTTP ({@code POST /reservations}, {@code GET} and {@code
 * DELETE /reservations/{key}} below its base URL). One request per call; retries, the deadline
 * and the circuit breaker are {@link Airline}'s.
 */
final class HttpReservationSystem implements ReservationSystem, AutoCloseable {

    private final String reservations;
    private final JsonHttp http;

    HttpReservationSystem(URI baseUrl, JsonHttp http) {
        this.reservations = baseUrl.toString().replaceAll("/+$", "") + "/reservations";
        this.http = http;
    }

    @Override
    public AirlineOutcome reserve(ReservationRequest request, Duration timeout) {
        var body = Map.of(
                "reservationKey", request.reservationKey(),
                "flightId", request.flightId().toString(),
                "ticketIds", request.ticketIds().stream().map(Object::toString).toList(),
                "passengerRef", request.passengerRef());
        var response = http.post(reservations, body, timeout);
        return switch (response.statusCode()) {
            case 200, 201 -> confirmed(http.read(response));
            case 409 -> refused(http.read(response));
            default -> throw http.failure("a reservation", response);
        };
    }

    @Override
    public void cancel(String reservationKey, Duration timeout) {
        var response = http.delete(of(reservationKey), timeout);
        // 404: the airline has nothing under the key, which is what cancelling is for.
        if (response.statusCode() != 200 && response.statusCode() != 204 && response.statusCode() != 404) {
            throw http.failure("a cancellation", response);
        }
    }

    @Override
    public ReservationStatus find(String reservationKey, Duration timeout) {
        var response = http.get(of(reservationKey), timeout);
        return switch (response.statusCode()) {
            case 200 ->
                switch (http.field(http.read(response), "status")) {
                    case "CONFIRMED" -> ReservationStatus.CONFIRMED;
                    case "REFUSED", "CANCELLED" -> ReservationStatus.NOT_FOUND;
                    default -> ReservationStatus.UNKNOWN;
                };
            case 404 -> ReservationStatus.NOT_FOUND;
            default -> throw http.failure("a lookup", response);
        };
    }

    @Override
    public void close() {
        http.close();
    }

    private String of(String reservationKey) {
        return reservations + "/" + JsonHttp.segment(reservationKey);
    }

    private AirlineOutcome confirmed(JsonNode answer) {
        var status = http.field(answer, "status");
        if (!status.equals("CONFIRMED")) {
            throw new ProviderUnavailable("The airline answered a reservation with status " + status);
        }
        return new AirlineOutcome.Confirmed(http.field(answer, "reference"));
    }

    private AirlineOutcome refused(JsonNode answer) {
        var reason = answer.path("reason");
        return new AirlineOutcome.Refused(
                reason.isString() && !reason.asString().isBlank() ? reason.asString() : http.field(answer, "status"));
    }
}
