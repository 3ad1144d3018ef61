package org.boxoffice.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void theCallersTraceIdIsKept() {
        assertThat(TraceIds.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void withoutAValidTraceparentARandomIdIsMade() {
        var made = TraceIds.traceIdOf("00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(made).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(TraceIds.traceIdOf(null)).matches("[0-9a-f]{32}").isNotEqualTo(TraceIds.traceIdOf(null));
        assertThat(TraceIds.traceIdOf("garbage")).matches("[0-9a-f]{32}");
    }
}
