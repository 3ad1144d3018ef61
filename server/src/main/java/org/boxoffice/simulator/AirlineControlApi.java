package org.boxoffice.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What tests and load scenarios use to steer the airline, at {@code /_control/airline}:
 *
 * <ul>
 *   <li>{@code POST {mode, times?, latency?, failureRate?}}: the behaviour from now on; fields left
 *       out take their configured values. {@code mode} is one of {@link AirlineMode}; with {@code
 *       times} it applies to that many affected requests, then the mode is {@code NORMAL}
 *   <li>{@code DELETE}: back to the configured behaviour (reservations stay)
 *   <li>{@code GET ?reservationKey=&flightId=}: the behaviour, requests received, totals (by
 *       status, tickets held, tickets held twice), the record of one key and the reservations of
 *       one flight, each with how many requests it received
 * </ul>
 */
final class AirlineControlApi implements JsonRoute.Answering {

    static final String PATH = "/_control/airline";

    private final AirlineSimulator airline;

    AirlineControlApi(AirlineSimulator airline) {
        this.airline = airline;
    }

    @Override
    public Reply answer(JsonExchange exchange) throws IOException {
        if (!exchange.subPath().isEmpty()) {
            return Reply.error(404, "NOT_FOUND", "The control API is " + PATH);
        }
        return switch (exchange.method()) {
            case "GET" -> Reply.of(200, state(exchange.query()));
            case "POST" -> {
                airline.behave(behaviour(exchange.body(), airline.configured()));
                yield Reply.of(200, view(airline.behaviour()));
            }
            case "DELETE" -> {
                airline.behave(airline.configured());
                yield Reply.of(200, view(airline.behaviour()));
            }
            default -> Reply.error(405, "METHOD_NOT_ALLOWED", "GET, POST or DELETE");
        };
    }

    private Map<String, Object> state(Map<String, String> query) {
        var state = new LinkedHashMap<String, Object>();
        state.put("behaviour", view(airline.behaviour()));
        state.put("requests", airline.requests());
        state.put("totals", airline.totals());
        var key = query.get("reservationKey");
        if (key != null) {
            state.put("reservation", airline.reservation(key));
        }
        var flightId = query.get("flightId");
        if (flightId != null) {
            state.put("reservations", airline.reservationsFor(flightId));
        }
        return state;
    }

    static AirlineBehaviour behaviour(JsonNode form, AirlineBehaviour defaults) {
        return new AirlineBehaviour(
                JsonFields.mode(form, AirlineMode.class, defaults.mode()),
                JsonFields.times(form),
                JsonFields.latency(form, "latency", defaults.latency()),
                JsonFields.number(form, "failureRate", defaults.failureRate()));
    }

    static Map<String, Object> view(AirlineBehaviour behaviour) {
        var view = new LinkedHashMap<String, Object>();
        view.put("mode", behaviour.mode().name());
        view.put("times", behaviour.times());
        view.put("latency", behaviour.latency().toString());
        view.put("failureRate", behaviour.failureRate());
        return view;
    }
}
