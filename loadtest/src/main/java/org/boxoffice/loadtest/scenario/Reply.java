package org.boxoffice.loadtest.scenario;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A raw HTTP answer: status and JSON body ({@link MissingNode} when there was none, or it was not
 * JSON). Status {@code 0} means no HTTP answer came back; {@code failure} then says why.
 */
record Reply(
        int status,
        JsonNode body,
        @Nullable String failure,
        @Nullable Duration retryAfter) {

    static Reply noAnswer(String failure) {
        return new Reply(Answer.NO_ANSWER, MissingNode.getInstance(), failure, null);
    }

    boolean answered() {
        return status != Answer.NO_ANSWER;
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The problem document's {@code code}, or the {@code code} of a {@code 202 PAYMENT_PENDING}. */
    @Nullable
    String code() {
        var code = body.path("code");
        return code.isString() ? code.stringValue() : null;
    }

    /** How this answer is counted in the report: {@code 201}, {@code 409 SOLD_OUT}, {@code no answer (…)}. */
    String label() {
        if (!answered()) {
            return "no answer (" + failure + ")";
        }
        var code = code();
        return code == null ? Integer.toString(status) : status + " " + code;
    }

    /** One line for an error sample: the label plus the problem's {@code detail}, if any. */
    String describe() {
        var detail = body.path("detail");
        return detail.isString() ? label() + ": " + detail.stringValue() : label();
    }
}
