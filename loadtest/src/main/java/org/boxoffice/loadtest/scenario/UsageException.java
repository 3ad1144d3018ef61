package org.boxoffice.loadtest.scenario;

/** The command line cannot be run as given; the message says what to change. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
