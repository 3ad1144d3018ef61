package org.boxoffice.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.CurrentUser;
import org.boxoffice.platform.NotFound;
import org.boxoffice.platform.ProblemCodes;
import org.boxoffice.ticketing.CheckInResult;
import org.boxoffice.ticketing.IssuedTicket;
import org.boxoffice.ticketing.Ticketing;
import org.boxoffice.ticketing.VerificationKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * E-tickets over HTTP. Constraints on parameters are checked by Spring MVC's own method
 * validation, as on the other controllers, not by a validating proxy (which would check a scan's
 * body a second time).
 */
@RestController
@RequestMapping("/api/v1")
class TicketingController {

    private final Ticketing ticketing;

    TicketingController(Ticketing ticketing) {
        this.ticketing = ticketing;
    }

    record Page<T>(List<T> items, int page, int size, long total) {}

    record Scan(@NotBlank @Size(max = 512) String qr) {}

    record Keys(List<VerificationKey> keys, String format) {}

    @ProblemCodes({"401 UNAUTHORIZED", "400 VALIDATION"})
    @Operation(summary = "The user's e-tickets")
    @GetMapping("/me/tickets")
    Page<IssuedTicket> mine(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var user = CurrentUser.require();
        return new Page<>(ticketing.ofUser(user, page, size), page, size, ticketing.countOfUser(user));
    }

    @ProblemCodes({"401 UNAUTHORIZED", "400 VALIDATION", "404 TICKET_NOT_FOUND"})
    @Operation(summary = "One of the user's e-tickets, with its QR payload")
    @GetMapping("/tickets/{ticketId}")
    IssuedTicket one(@PathVariable UUID ticketId) {
        return ticketing
                .ofUser(CurrentUser.require(), ticketId)
                .orElseThrow(() -> new NotFound("TICKET_NOT_FOUND", "You have no ticket " + ticketId + "."));
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN"})
    @Operation(summary = "Check an e-ticket in at the door (staff)")
    @PostMapping("/checkin")
    CheckInResult checkIn(@Valid @RequestBody Scan scan) {
        return ticketing.checkIn(scan.qr());
    }

    @Operation(summary = "The public keys that verify e-tickets' QR signatures offline")
    @GetMapping("/checkin/keys")
    Keys keys() {
        return new Keys(
                ticketing.verificationKeys(),
                "BX1.<base64url(ticketId 16 bytes | eventId 16 bytes | code ASCII)>.<base64url(Ed25519 signature of"
                        + " the ASCII text before the last dot)>");
    }
}
