package org.boxoffice.ordering;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a buyer asks for: exactly these seats ({@code seats}), or the best {@code quantity} in
 * a {@code zone}; never both.
 */
public record OrderRequest(
        @NotNull UUID eventId,

        @Nullable @Size(min = 1, max = MAX_TICKETS)
        List<@NotNull @Pattern(regexp = SEAT_ID, message = "must be a seat id like GOLD-12-7") String> seats,

        @Nullable @Pattern(regexp = "[A-Z0-9_]{1,32}", message = "must be a zone code")
        String zone,

        @Nullable @Min(1) @Max(MAX_TICKETS) Integer quantity) {

    public static final int MAX_TICKETS = 10;
    static final String SEAT_ID = "[A-Z0-9_]{1,32}-[A-Za-z0-9]{1,16}-[0-9]{1,4}";

    @AssertTrue(message = "give either seats, or zone and quantity")
    boolean isOneKindOfRequest() {
        return seats != null ? zone == null && quantity == null : zone != null && quantity != null;
    }

    @AssertTrue(message = "a seat may be asked for once")
    boolean isWithoutRepeatedSeats() {
        return seats == null || new HashSet<>(seats).size() == seats.size();
    }

    int ticketCount() {
        return seats != null ? seats.size() : quantity == null ? 0 : quantity;
    }
}
