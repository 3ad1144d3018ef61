package org.boxoffice.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP exchange of the simulators, spoken in JSON. */
final class JsonExchange {

    private static final int MAX_BODY = 64 * 1024;

    private final HttpExchange exchange;
    private final JsonMapper json;

    JsonExchange(HttpExchange exchange, JsonMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** The path below the handler's context, without leading or trailing slashes. */
    String subPath() {
        var path = exchange.getRequestURI().getPath();
        var context = exchange.getHttpContext().getPath();
        var rest = path.length() > context.length() ? path.substring(context.length()) : "";
        return rest.replaceAll("^/+|/+$", "");
    }

    Map<String, String> query() {
        var raw = exchange.getRequestURI().getRawQuery();
        var query = new HashMap<String, String>();
        if (raw == null) {
            return query;
        }
        for (var pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return query;
    }

    /** The body as a JSON object; a malformed one is an {@link InvalidRequest}. */
    JsonNode body() throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new InvalidRequest("The body is too large.");
        }
        try {
            var node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new InvalidRequest("The body is not a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidRequest("The body is not valid JSON.");
        }
    }

    void send(Reply reply) throws IOException {
        try (exchange) {
            if (reply instanceof Reply.Answer(int status, var body)) {
                sendJson(status, body);
            }
            // A Reply.NoAnswer closes the connection without a status line.
        }
    }

    private void sendJson(int status, Object body) throws IOException {
        byte[] bytes = status == 204 ? new byte[0] : json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** A request the simulator cannot read: answered 400. */
    static final class InvalidRequest extends RuntimeException {

        InvalidRequest(String message) {
            super(message);
        }
    }
}
