package org.boxoffice.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.boxoffice.testing.Api;
import tools.jackson.databind.JsonNode;

/** One simulator's control API: set its behaviour on top of quick, reliable defaults, reset it, read its records. */
final class ControlChannel {

    private final Api api;
    private final String path;
    private final String name;
    private final Map<String, Object> defaults;

    ControlChannel(SimulatorEndpoint endpoint, String path, String name, Map<String, Object> defaults) {
        this.api = Api.at(endpoint.baseUrl().getPort());
        this.path = path;
        this.name = name;
        this.defaults = defaults;
    }

    void behave(Map<String, ?> changes) {
        var behaviour = new LinkedHashMap<>(defaults);
        behaviour.putAll(changes);
        var reply = api.post(path, behaviour);
        if (reply.status() != 200) {
            throw new IllegalStateException("The " + name + " simulator refused " + behaviour + ": " + reply.body());
        }
    }

    void reset() {
        api.delete(path);
    }

    /** The control API's answer to a GET with {@code query} (empty, or starting with {@code ?}). */
    JsonNode read(String query) {
        return api.get(path + query).json();
    }

    Api.Reply post(String subPath, Object body) {
        return api.post(path + subPath, body);
    }
}
