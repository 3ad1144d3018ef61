package org.boxoffice.partner;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.platform.ProviderRejected;
import org.boxoffice.platform.ProviderUnavailable;
import tools.jackson.databind.JsonNode;

/**
 * Partner venues' box offices over HTTP, below each venue's base URL: {@code GET
 * /events/{eventId}/seats}, {@code POST /events/{eventId}/holds}, {@code POST
 * /events/{eventId}/holds/{holdKey}/confirm}, {@code DELETE /events/{eventId}/holds/{holdKey}}.
 * One request per call; retries, the deadline and the circuit breaker are {@link
 * PartnerVenues}'.
 */
final class HttpPartnerBoxOffice implements PartnerBoxOffice, AutoCloseable {

    private final JsonHttp http;

    HttpPartnerBoxOffice(JsonHttp http) {
        this.http = http;
    }

    @Override
    public Set<String> unavailableSeats(URI venue, UUID eventId, Duration timeout) {
        var response = http.get(event(venue, eventId) + "/seats", timeout);
        if (response.statusCode() != 200) {
            throw http.failure("a seat query", response);
        }
        return Set.copyOf(texts(http.read(response), "unavailable"));
    }

    @Override
    public PartnerHold hold(URI venue, UUID eventId, List<String> seats, String holdKey, Duration timeout) {
        var response = http.post(event(venue, eventId) + "/holds", Map.of("holdKey", holdKey, "seats", seats), timeout);
        return switch (response.statusCode()) {
            case 200, 201 -> new PartnerHold.Held();
            case 409 -> refused(http.read(response));
            default -> throw http.failure("a hold", response);
        };
    }

    @Override
    public boolean confirm(URI venue, UUID eventId, String holdKey, Duration timeout) {
        var response = http.post(hold(venue, eventId, holdKey) + "/confirm", Map.of(), timeout);
        return switch (response.statusCode()) {
            case 200, 201 -> true;
            case 404, 409 -> false;
            default -> throw http.failure("a confirmation", response);
        };
    }

    @Override
    public void release(URI venue, UUID eventId, String holdKey, Duration timeout) {
        var response = http.delete(hold(venue, eventId, holdKey), timeout);
        // 404: the partner holds nothing under the key, which is what releasing is for.
        if (response.statusCode() != 200 && response.statusCode() != 204 && response.statusCode() != 404) {
            throw http.failure("a release", response);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /** A 409 names the seats someone else has; a key released before holds nothing and never will. */
    private PartnerHold refused(JsonNode answer) {
        var status = http.field(answer, "status");
        if (status.equals("TAKEN")) {
            return new PartnerHold.Taken(texts(answer, "seats"));
        }
        throw new ProviderRejected("The partner refused a hold with status " + status);
    }

    private List<String> texts(JsonNode answer, String field) {
        var node = answer.path(field);
        if (!node.isArray()) {
            throw new ProviderUnavailable("The partner's answer lacks " + field);
        }
        var texts = new ArrayList<String>();
        for (var item : node) {
            if (!item.isString()) {
                throw new ProviderUnavailable("The partner's " + field + " are not all texts");
            }
            texts.add(item.asString());
        }
        return texts;
    }

    private static String event(URI venue, UUID eventId) {
        return venue.toString().replaceAll("/+$", "") + "/events/" + eventId;
    }

    private static String hold(URI venue, UUID eventId, String holdKey) {
        return event(venue, eventId) + "/holds/" + JsonHttp.segment(holdKey);
    }
}
