package org.boxoffice.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.inventory.Inventory;
import org.boxoffice.inventory.ZoneStock;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * An event as an administrator describes it. Without a venue every zone gives its {@code
 * capacity} (general admission, a flight); with a venue the event sells the venue zones it lists.
 * Missing {@code status}, {@code rules}, {@code pricing} and {@code inventory} take their
 * defaults: {@code ON_SALE}, {@link Rules#DEFAULTS}, {@code FIXED} and {@code OWNED}.
 */
public record EventDefinition(
        @Nullable UUID venueId,
        @NotNull EventKind kind,
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 10_000) String description,
        @NotNull Instant startsAt,
        @NotNull Instant saleStartsAt,
        @NotNull Instant saleEndsAt,

        @NotNull @Pattern(regexp = Money.CURRENCY_PATTERN, message = "must be three capital letters (ISO 4217)")
        String currency,

        @Nullable EventStatus status,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid ZoneDefinition> zones,
        @Nullable @Valid RulesDefinition rules,
        @Nullable @Valid Pricing pricing,
        @Nullable @Valid InventoryDefinition inventory) {

    /**
     * One zone on sale: its code (a venue zone's code when there is a venue), its base price,
     * and its capacity when there is no venue. {@code name} defaults to the venue zone's name or
     * the code.
     */
    public record ZoneDefinition(
            @NotNull @Pattern(regexp = ZoneStock.ZONE_PATTERN, message = "must be 1 to 32 of A-Z, 0-9 and _")
            String code,

            @NotNull @Valid Money price,
            @Nullable @Min(1) @Max(1_000_000) Integer capacity,
            @Nullable @Size(min = 1, max = 100) String name) {}

    /**
     * Where the tickets come from. {@code partner} is required in {@code PARTNER} mode and
     * {@code allocation} in {@code QUOTA} mode; neither is allowed otherwise.
     */
    public record InventoryDefinition(
            @NotNull InventoryMode mode,
            @Nullable @Valid Partner partner,
            @Nullable @Valid Allocation allocation) {

        public static final InventoryDefinition OWNED = new InventoryDefinition(InventoryMode.OWNED, null, null);
    }

    public record Partner(@NotBlank @Size(max = 500) String baseUrl) {}

    /**
     * The quota handed over by a provider: whole zones (every ticket of each) and single seats
     * by seat id ({@code FAN_ZONE}, {@code LOWER_TIER-12-7}).
     */
    public record Allocation(
            @Nullable @Size(max = 100) List<@NotNull String> zones,

            @Nullable @Size(max = Inventory.MAX_TICKETS_PER_EVENT)
            List<@NotNull String> seats) {}

    /** The rules given, or none (all defaults). */
    public RulesDefinition rulesOrDefaults() {
        return rules != null ? rules : RulesDefinition.NONE;
    }
}
