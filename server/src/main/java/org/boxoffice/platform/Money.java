package org.boxoffice.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An amount in minor units (tiyn for KZT, cents for USD) and its ISO 4217 currency:
 * {@code {"amount": 4000000, "currency": "KZT"}} is 40,000 tenge. Integers only: money is never
 * a floating-point number.
 */
public record Money(
        @JsonDeserialize(using = WholeMinorUnits.class) @PositiveOrZero @Max(MAX_AMOUNT)
        long amount,

        @NotNull @Pattern(regexp = CURRENCY_PATTERN, message = "must be three capital letters (ISO 4217)")
        String currency) {

    /** Ten billion in major units: far above any ticket, far below overflow in price arithmetic. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    public static final String CURRENCY_PATTERN = "[A-Z]{3}";

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    @JsonIgnore
    public boolean isZero() {
        return amount == 0;
    }
}
