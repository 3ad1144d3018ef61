package org.boxoffice.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What tests and load scenarios use to steer the partner venues, at {@code /_control/partner}:
 *
 * <ul>
 *   <li>{@code POST {mode, times?, latency?, failureRate?}}: the behaviour from now on; fields left
 *       out take their configured values. {@code mode} is one of {@link PartnerMode}; with {@code
 *       times} it applies to that many affected requests, then the mode is {@code NORMAL}
 *   <li>{@code DELETE}: back to the configured behaviour (seats, holds and sales stay)
 *   <li>{@code POST /sold {venue, eventId, seats}}: the venue's box office sells these seats
 *       itself, at once; answers {@code {sold, alreadyTaken}} (seats a seller holds or bought stay
 *       the seller's)
 *   <li>{@code GET ?venue=&eventId=}: the behaviour, requests received and, for one event, the
 *       seats sold at the box office, the unavailable seats, how often a seller asked for them and
 *       every hold with its requests
 * </ul>
 */
final class PartnerControlApi implements JsonRoute.Answering {

    static final String PATH = "/_control/partner";
    private static final int MAX_SEATS = 10_000;

    private final PartnerSimulator partner;

    PartnerControlApi(PartnerSimulator partner) {
        this.partner = partner;
    }

    @Override
    public Reply answer(JsonExchange exchange) throws IOException {
        var path = exchange.subPath();
        if (path.equals("sold")) {
            return exchange.method().equals("POST")
                    ? sellAtBoxOffice(exchange.body())
                    : Reply.error(405, "METHOD_NOT_ALLOWED", "POST {venue, eventId, seats}");
        }
        if (!path.isEmpty()) {
            return Reply.error(404, "NOT_FOUND", "The control API is " + PATH + " and " + PATH + "/sold");
        }
        return switch (exchange.method()) {
            case "GET" -> Reply.of(200, state(exchange.query()));
            case "POST" -> {
                partner.behave(behaviour(exchange.body(), partner.configured()));
                yield Reply.of(200, view(partner.behaviour()));
            }
            case "DELETE" -> {
                partner.behave(partner.configured());
                yield Reply.of(200, view(partner.behaviour()));
            }
            default -> Reply.error(405, "METHOD_NOT_ALLOWED", "GET, POST or DELETE");
        };
    }

    private Reply sellAtBoxOffice(JsonNode body) {
        var seats = List.copyOf(new LinkedHashSet<>(JsonFields.requiredTexts(body, "seats", MAX_SEATS)));
        return Reply.of(
                200,
                partner.sellAtBoxOffice(
                        JsonFields.requiredText(body, "venue"), JsonFields.requiredText(body, "eventId"), seats));
    }

    private Map<String, Object> state(Map<String, String> query) {
        var state = new LinkedHashMap<String, Object>();
        state.put("behaviour", view(partner.behaviour()));
        state.put("requests", partner.requests());
        var venue = query.get("venue");
        var eventId = query.get("eventId");
        if (venue != null && eventId != null) {
            state.put("event", partner.showRecord(venue, eventId));
        }
        return state;
    }

    static PartnerBehaviour behaviour(JsonNode form, PartnerBehaviour defaults) {
        return new PartnerBehaviour(
                JsonFields.mode(form, PartnerMode.class, defaults.mode()),
                JsonFields.times(form),
                JsonFields.latency(form, "latency", defaults.latency()),
                JsonFields.number(form, "failureRate", defaults.failureRate()));
    }

    static Map<String, Object> view(PartnerBehaviour behaviour) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mode", behaviour.mode().name());
        view.put("times", behaviour.times());
        view.put("latency", behaviour.latency().toString());
        view.put("failureRate", behaviour.failureRate());
        return view;
    }
}
