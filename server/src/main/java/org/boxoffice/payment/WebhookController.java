package org.boxoffice.payment;

import io.swagger.v3.oas.annotations.Operation;
import org.boxoffice.platform.ProblemCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The payment provider's webhook. Public: the signature, not a token, proves who sent it. */
@RestController
class WebhookController {

    private final WebhookSignature signature;
    private final ReceivingNotices notices;
    private final JsonMapper json;

    WebhookController(WebhookSignature signature, ReceivingNotices notices, JsonMapper json) {
        this.signature = signature;
        this.notices = notices;
        this.json = json;
    }

    @Operation(summary = "The payment provider reports a payment's outcome", description = """
                    Body `{paymentId, orderId, status: "SUCCEEDED" | "FAILED", amount: {amount, currency}}`, \
                    signed with `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>` under \
                    `boxoffice.payment.webhook-secret`. `204` when taken in (repeats change nothing), \
                    `401 BAD_SIGNATURE`, `400 VALIDATION` for a signed body that cannot be read.""")
    @ProblemCodes({"400 VALIDATION", "401 BAD_SIGNATURE"})
    @PostMapping("/api/v1/payments/webhook")
    ResponseEntity<Void> receive(
            @RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signed,
            @RequestBody(required = false) byte @Nullable [] body) {
        var raw = body == null ? new byte[0] : body;
        if (!signature.matches(raw, signed)) {
            throw new BadSignature();
        }
        notices.receive(WebhookNotice.parse(raw, json));
        return ResponseEntity.noContent().build();
    }
}
