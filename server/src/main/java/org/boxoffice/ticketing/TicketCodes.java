package org.boxoffice.ticketing;

import java.security.SecureRandom;

/**
 * Ticket codes: 16 characters of Crockford's base32 (no I, L, O, U), 80 random bits, so that
 * nobody guesses one and a person can read one out at the door.
 */
final class TicketCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketCodes() {}

    static String next() {
        var code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
