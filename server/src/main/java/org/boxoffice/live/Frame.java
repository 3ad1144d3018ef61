package org.boxoffice.live;

import java.util.Set;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One server-sent event, built once and written to every subscriber as it is. {@code version}
 * orders the availability frames of one event, so a subscriber never goes back to older counts.
 */
record Frame(long version, Set<DataWithMediaType> parts) {

    static final Frame KEEP_ALIVE =
            new Frame(-1, SseEmitter.event().comment("keep-alive").build());

    static Frame availability(long version, String json) {
        return new Frame(
                version, SseEmitter.event().name("availability").data(json).build());
    }

    boolean isKeepAlive() {
        return version < 0;
    }
}
