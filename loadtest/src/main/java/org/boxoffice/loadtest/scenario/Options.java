package org.boxoffice.loadtest.scenario;

import java.net.URI;
import java.time.Duration;

/**
 * Everything one run of the flight scenario is told, already checked by {@link OptionsParser}.
 *
 * @param maxDuration how long travelers may keep starting and acting; settling and the final
 *     checks come after it and are bounded on their own
 * @param rampUp how long it takes until all {@code concurrency} workers have started, so that
 *     the server does not see every connection open in the same millisecond
 * @param tokenBatch emails per {@code POST /admin/tokens}; the API allows 10,000 but the
 *     server's default 64 KB body limit fits about 1,800 addresses
 */
record Options(
        URI baseUrl,
        String adminEmail,
        Secret adminPassword,
        int travelers,
        int concurrency,
        Duration maxDuration,
        Duration rampUp,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration progressInterval,
        Duration settleTimeout,
        int tokenBatch,
        long seed,
        JourneyLimits journey) {

    /** A password that never shows up in a log line or a {@code toString}. */
    record Secret(String value) {
        @Override
        public String toString() {
            return "****";
        }
    }
}
