package org.boxoffice.admission.shares;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which event a request is about: a hold names it in its body ({@code POST /orders}), the event's
 * own paths in theirs (its detail, seats, queue), except its live stream, which stays open for as
 * long as the client wants and so must not hold a place. Everything else names none.
 */
final class RequestEvents {

    private static final String HOLDS = "/api/v1/orders";
    private static final String EVENT_ID = "eventId";
    private static final Pattern EVENT_PATH =
            Pattern.compile("^/api/v1/events/([0-9a-fA-F-]{36})(?:/(?!stream$)[^?]*)?$");

    private final JsonMapper json;

    RequestEvents(JsonMapper json) {
        this.json = json;
    }

    Optional<UUID> of(HttpServletRequest request) throws IOException {
        var path = request.getRequestURI();
        if (path.equals(HOLDS)) {
            return "POST".equals(request.getMethod()) ? ofHold(request) : Optional.empty();
        }
        var matcher = EVENT_PATH.matcher(path);
        return matcher.matches() ? parse(matcher.group(1)) : Optional.empty();
    }

    /**
     * The event a hold's body names; none when the body is not a hold's (the controller refuses it).
     * Read with the streaming parser rather than bound to an object (a third of the cost), and like
     * the controller's binding: a repeated {@code eventId} counts by its last value, so a body
     * cannot name one event to its share and another to its hold.
     */
    private Optional<UUID> ofHold(HttpServletRequest request) throws IOException {
        try (var body = request.getInputStream();
                var parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Optional<UUID> named = Optional.empty();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                var property = parser.currentName();
                var value = parser.nextToken();
                if (EVENT_ID.equals(property)) {
                    named = value == JsonToken.VALUE_STRING ? parse(parser.getString()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return named;
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
