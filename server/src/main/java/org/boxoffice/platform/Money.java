package org.boxoffice.platform;

import java.util.regex.Pattern;

/**
 * An amount in minor units (tiyn for KZT, cents for USD) and its ISO 4217 currency:
 * {@code {"amount": 4000000, "currency": "KZT"}} is 40,000 tenge.
 */
public record Money(long amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("An amount is never negative: " + amount);
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("A currency is three capital letters: " + currency);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amount, quantity), currency);
    }

    public boolean isZero() {
        return amount == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
    }
}
