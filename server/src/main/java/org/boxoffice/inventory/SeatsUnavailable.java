package org.boxoffice.inventory;

import java.util.List;
import java.util.Map;
import org.boxoffice.platform.ApiException;

/** Some of the asked-for seats are taken (or not for sale); nothing was held. */
public class SeatsUnavailable extends ApiException {

    private final List<String> seats;

    public SeatsUnavailable(List<String> seats) {
        super(409, "SEATS_UNAVAILABLE", "These seats are not available: " + String.join(", ", seats) + ".");
        this.seats = List.copyOf(seats);
    }

    public List<String> seats() {
        return seats;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("unavailableSeats", seats);
    }
}
