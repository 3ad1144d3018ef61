package org.boxoffice.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of the JSON bodies the simulators take. In the control APIs' forms every field is
 * optional, a missing one keeps its configured value; the providers' own APIs require theirs and
 * answer 400 when one is missing or malformed.
 */
final class JsonFields {

    private static final int MAX_TEXT = 255;

    private JsonFields() {}

    static <E extends Enum<E>> E mode(JsonNode form, Class<E> modes, E otherwise) {
        return Enum.valueOf(modes, text(form, "mode", otherwise.name()).toUpperCase(Locale.ROOT));
    }

    static @Nullable Integer times(JsonNode form) {
        var times = form.path("times");
        return times.isNumber() ? Integer.valueOf(times.intValue()) : null;
    }

    static String text(JsonNode form, String field, String otherwise) {
        var node = form.path(field);
        return node.isString() ? node.asString() : otherwise;
    }

    static double number(JsonNode form, String field, double otherwise) {
        var node = form.path(field);
        return node.isNumber() ? node.doubleValue() : otherwise;
    }

    static LatencyRange latency(JsonNode form, String field, LatencyRange otherwise) {
        var node = form.path(field);
        return node.isString() ? LatencyRange.of(node.asString()) : otherwise;
    }

    /** A text field every request must carry: 1 to 255 characters. */
    static String requiredText(JsonNode body, String field) {
        var node = body.path(field);
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > MAX_TEXT) {
            throw new JsonExchange.InvalidRequest(field + " is a text of 1 to " + MAX_TEXT + " characters.");
        }
        return node.asString();
    }

    /** A list of 1 to {@code max} texts of 1 to 255 characters each. */
    static List<String> requiredTexts(JsonNode body, String field, int max) {
        var node = body.path(field);
        if (!node.isArray() || node.isEmpty() || node.size() > max) {
            throw new JsonExchange.InvalidRequest(field + " is a list of 1 to " + max + " texts.");
        }
        var texts = new ArrayList<String>();
        for (var item : node) {
            if (!item.isString() || item.asString().isBlank() || item.asString().length() > MAX_TEXT) {
                throw new JsonExchange.InvalidRequest(field + " holds texts of 1 to " + MAX_TEXT + " characters.");
            }
            texts.add(item.asString());
        }
        return List.copyOf(texts);
    }
}
