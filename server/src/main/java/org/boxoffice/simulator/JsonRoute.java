package org.boxoffice.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Serves one JSON API on the JDK server; unreadable requests are 400, surprises 500. */
final class JsonRoute implements HttpHandler {

    /** Answers one request. */
    interface Answering {
        Reply answer(JsonExchange exchange) throws IOException, InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(JsonRoute.class);

    private final JsonMapper json;
    private final Answering answering;

    JsonRoute(JsonMapper json, Answering answering) {
        this.json = json;
        this.answering = answering;
    }

    @Override
    public void handle(HttpExchange httpExchange) throws IOException {
        var exchange = new JsonExchange(httpExchange, json);
        try {
            exchange.send(answering.answer(exchange));
        } catch (JsonExchange.InvalidRequest | IllegalArgumentException e) {
            exchange.send(Reply.error(400, "INVALID_REQUEST", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            httpExchange.close();
        } catch (RuntimeException e) {
            log.error("The simulator failed to answer {} {}", exchange.method(), httpExchange.getRequestURI(), e);
            exchange.send(Reply.error(500, "INTERNAL", "The simulator failed."));
        }
    }
}
