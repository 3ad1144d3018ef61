package org.boxoffice.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.boxoffice.audit.InvariantReport;
import org.boxoffice.audit.Invariants;
import org.boxoffice.platform.ProblemCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/invariants[?eventId=]}: the invariant check, for administrators. */
@RestController
class AuditController {

    private final Invariants invariants;

    AuditController(Invariants invariants) {
        this.invariants = invariants;
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN", "400 VALIDATION"})
    @Operation(summary = "Check the invariants: no ticket in two live orders, counts add up")
    @GetMapping("/api/v1/admin/invariants")
    InvariantReport check(@RequestParam(required = false) @Nullable UUID eventId) {
        return invariants.check(eventId);
    }
}
