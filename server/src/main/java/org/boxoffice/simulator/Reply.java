package org.boxoffice.simulator;

import java.util.Map;

/** What the provider answers to one HTTP request, or that it answers nothing at all. */
sealed interface Reply {

    record Answer(int status, Map<String, ?> body) implements Reply {}

    /** The connection is closed without an answer. */
    record NoAnswer() implements Reply {}

    static Reply of(int status, Map<String, ?> body) {
        return new Answer(status, body);
    }

    static Reply error(int status, String error, String message) {
        return new Answer(status, Map.of("error", error, "message", message));
    }
}
