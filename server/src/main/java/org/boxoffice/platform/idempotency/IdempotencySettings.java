package org.boxoffice.platform.idempotency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requiredPaths POST paths that refuse a request without an {@code Idempotency-Key};
 *     other mutating requests are made idempotent when they carry one
 * @param settledByHandlerPaths POST paths whose handlers settle the key themselves, in the
 *     transaction of their work ({@link org.boxoffice.platform.RequestKeys}); the filter only
 *     checks the key and settles what the handler left
 * @param waitForRunning how long a duplicate waits for the first request to finish before it
 *     gets {@code 409 IDEMPOTENCY_KEY_IN_USE}
 * @param abandonedAfter a request still marked running after this long is taken to have died
 *     with its server; the key may then run again. Longer than any request runs (provider calls
 *     end within their deadlines of 10 s or less), shorter than a flight hold lasts (3 min)
 * @param keepFor how long answers are kept
 * @param maxConcurrentStatements how many statements on keys may run at once (a bulkhead that
 *     keeps connections free for the work behind the keys)
 * @param statementQueueTimeout how long a statement on keys waits for its turn in that bulkhead
 *     before the request is answered {@code 503 OVERLOADED}
 */
@ConfigurationProperties("boxoffice.idempotency")
record IdempotencySettings(
        @DefaultValue({"/api/v1/orders", "/api/v1/orders/*/payments", "/api/v1/orders/*/cancel"})
        List<String> requiredPaths,

        @DefaultValue("/api/v1/orders") List<String> settledByHandlerPaths,

        @DefaultValue("30s") Duration waitForRunning,
        @DefaultValue("60s") Duration abandonedAfter,
        @DefaultValue("24h") Duration keepFor,
        @DefaultValue("8") int maxConcurrentStatements,
        @DefaultValue("5s") Duration statementQueueTimeout) {}
