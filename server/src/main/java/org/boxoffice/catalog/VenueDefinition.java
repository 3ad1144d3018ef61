package org.boxoffice.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.boxoffice.inventory.SeatRow;
import org.boxoffice.inventory.ZoneStock;
import org.jspecify.annotations.Nullable;

/**
 * A venue as an administrator describes it. A seated zone lists its rows front first ({@code
 * {code, name, seated: true, rows: [{row: "1", seats: 40}]}}); a general-admission zone gives
 * its capacity ({@code {code, name, seated: false, capacity: 10000}}).
 */
public record VenueDefinition(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String city,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid ZoneDefinition> zones) {

    public record ZoneDefinition(
            @NotNull @Pattern(regexp = ZoneStock.ZONE_PATTERN, message = "must be 1 to 32 of A-Z, 0-9 and _")
            String code,

            @NotBlank @Size(max = 100) String name,
            @NotNull Boolean seated,
            @Nullable @Size(min = 1, max = 1000) List<@NotNull @Valid RowDefinition> rows,
            @Nullable @Min(1) @Max(1_000_000) Integer capacity) {}

    public record RowDefinition(
            @NotNull @Pattern(regexp = SeatRow.LABEL_PATTERN, message = "must be 1 to 16 letters or digits")
            String row,

            @NotNull @Min(1) @Max(SeatRow.MAX_SEATS) Integer seats) {}
}
