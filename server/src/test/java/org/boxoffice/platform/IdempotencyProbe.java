package org.boxoffice.platform;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A slow endpoint that counts how often it really runs, so that tests can prove that the
 * idempotency filter lets each key run once. It exists in test builds only.
 */
@RestController
class IdempotencyProbe {

    static final AtomicInteger executions = new AtomicInteger();

    @PostMapping("/test/idempotency-probe")
    ResponseEntity<Map<String, Object>> run(@RequestBody Map<String, Object> body) throws InterruptedException {
        int execution = executions.incrementAndGet();
        Thread.sleep(300);
        if (body.containsKey("refuse")) {
            throw new NotFound("PROBE_REFUSED", "The probe refuses as asked.");
        }
        return ResponseEntity.status(201).body(Map.of("execution", execution, "echo", body));
    }
}
