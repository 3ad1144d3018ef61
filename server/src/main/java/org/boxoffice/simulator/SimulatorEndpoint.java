package org.boxoffice.simulator;

import java.net.URI;

/**
 * Where the in-process simulators listen:
 *
 * <ul>
 *   <li>the payment provider's API ({@code POST /payments}, {@code GET /payments?idempotencyKey=},
 *       {@code POST /payments/{id}/refunds}) at the root of {@code baseUrl};
 *   <li>the airline's reservation system at {@link #airline()} ({@code /airline/reservations});
 *   <li>partner venues' box offices at {@link #partnerVenues()}{@code /{venue}}, one base URL per
 *       venue key ({@code /partner/arman-cinema/events/{eventId}/seats}).
 * </ul>
 *
 * {@code /_control/payments}, {@code /_control/airline} and {@code /_control/partner} let tests
 * force their behaviour.
 */
public record SimulatorEndpoint(URI baseUrl) {

    /** The airline's base URL: its API is {@code /reservations} below it. */
    public URI airline() {
        return below(AirlineReservationsApi.BASE);
    }

    /** Where the partner venues' base URLs begin: venue {@code v} is at {@code partnerVenues()/v}. */
    public URI partnerVenues() {
        return below(PartnerVenueApi.PATH);
    }

    private URI below(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }
}
