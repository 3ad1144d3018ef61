package org.boxoffice.loadtest.scenario;

import java.util.Locale;

/** A demo traveler: {@code traveler00042@demo.boxoffice.org} and the token minted for them. */
record Traveler(int number, String email, String token) {

    static String email(int number) {
        return String.format(Locale.ROOT, "traveler%05d@demo.boxoffice.org", number);
    }
}
