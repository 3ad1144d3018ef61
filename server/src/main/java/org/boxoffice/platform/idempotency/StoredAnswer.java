package org.boxoffice.platform.idempotency;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What is kept under one key: the request's fingerprint and, once it finished, its answer. */
record StoredAnswer(
        byte[] requestHash,
        boolean done,
        int status,
        @Nullable String contentType,
        byte @Nullable [] body,
        Instant startedAt) {}
