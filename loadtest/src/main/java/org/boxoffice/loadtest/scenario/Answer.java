package org.boxoffice.loadtest.scenario;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One answer to a traveler's call, reduced to what the journey decides on. A call that got no
 * HTTP answer at all (timeout, refused or reset connection) has status {@code 0}.
 *
 * @param code the problem document's {@code code} (or {@code PAYMENT_PENDING} of a {@code 202})
 * @param order the order the answer carries, if any
 * @param retryAfter the server's {@code Retry-After}, if it sent one
 */
record Answer(
        int status,
        @Nullable String code,
        @Nullable OrderSnapshot order,
        @Nullable Duration retryAfter) {

    static final int NO_ANSWER = 0;

    static Answer noAnswer() {
        return new Answer(NO_ANSWER, null, null, null);
    }

    static Answer of(int status, @Nullable String code) {
        return new Answer(status, code, null, null);
    }

    static Answer of(int status, OrderSnapshot order) {
        return new Answer(status, null, order, null);
    }

    boolean answered() {
        return status != NO_ANSWER;
    }

    boolean is(int expectedStatus, String expectedCode) {
        return status == expectedStatus && expectedCode.equals(code);
    }

    /** Worth sending again unchanged: nothing was decided, or the server failed before deciding. */
    boolean worthResending() {
        return !answered() || status >= 500 || status == 429 || is(409, "IDEMPOTENCY_KEY_IN_USE");
    }
}
