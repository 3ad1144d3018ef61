package org.boxoffice.ordering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.CurrentUser;
import org.boxoffice.ordering.OrderRequest;
import org.boxoffice.ordering.OrderView;
import org.boxoffice.ordering.Ordering;
import org.boxoffice.ordering.domain.OrderStatus;
import org.boxoffice.platform.ProblemCodes;
import org.boxoffice.platform.RequestKey;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders over HTTP. Create, pay and cancel need an {@code Idempotency-Key} (see the platform filter).
 * Constraints on parameters are checked by Spring MVC's own method validation, not by a validating
 * proxy: a proxy would check a hold's body a second time on every request.
 */
@RestController
@RequestMapping("/api/v1")
class OrderingController {

    private final Ordering ordering;

    OrderingController(Ordering ordering) {
        this.ordering = ordering;
    }

    record Page<T>(List<T> items, int page, int size, long total) {}

    record PaymentRequest(
            @Nullable @Pattern(regexp = "card", message = "the only method is card")
            String method) {}

    record PendingPayment(OrderView order, String code) {}

    @ProblemCodes({
        "401 UNAUTHORIZED",
        "403 NOT_ADMITTED",
        "404 EVENT_NOT_FOUND",
        "409 SALE_NOT_OPEN",
        "409 SALE_CLOSED",
        "409 SEATS_UNAVAILABLE",
        "409 SOLD_OUT",
        "409 ORDER_LIMIT",
        "409 TICKET_LIMIT",
        "409 ALREADY_PARTICIPATED",
        "503 PROVIDER_UNAVAILABLE",
        "400 IDEMPOTENCY_KEY_REQUIRED",
        "409 IDEMPOTENCY_KEY_IN_USE",
        "422 IDEMPOTENCY_KEY_REUSED"
    })
    @Operation(summary = "Hold tickets: exactly these seats, or the best available in a zone")
    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView place(
            @Valid @RequestBody OrderRequest request,
            @RequestHeader(name = "X-Admission-Token", required = false) @Nullable String admissionToken,
            @RequestAttribute(name = RequestKey.ATTRIBUTE, required = false) @Nullable RequestKey key) {
        return ordering.place(CurrentUser.require(), request, admissionToken, key);
    }

    @ProblemCodes({"401 UNAUTHORIZED", "400 VALIDATION", "404 ORDER_NOT_FOUND"})
    @Operation(summary = "One of the user's orders")
    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable UUID orderId) {
        return ordering.order(CurrentUser.require(), orderId);
    }

    @ProblemCodes({"401 UNAUTHORIZED", "400 VALIDATION"})
    @Operation(summary = "The user's orders, newest first")
    @GetMapping("/me/orders")
    Page<OrderView> mine(
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var user = CurrentUser.require();
        return new Page<>(ordering.ordersOf(user, status, page, size), page, size, ordering.countOf(user, status));
    }

    /** {@code 200} with the paid order, or {@code 202} while the provider's answer is not known. */
    @ProblemCodes({
        "401 UNAUTHORIZED",
        "402 PAYMENT_DECLINED",
        "404 ORDER_NOT_FOUND",
        "409 ORDER_EXPIRED",
        "409 ORDER_NOT_PAYABLE",
        "503 PROVIDER_UNAVAILABLE",
        "400 IDEMPOTENCY_KEY_REQUIRED",
        "409 IDEMPOTENCY_KEY_IN_USE",
        "422 IDEMPOTENCY_KEY_REUSED"
    })
    @Operation(summary = "Pay a held order")
    @ApiResponse(
            responseCode = "200",
            description = "Paid: the order is PAID and its e-tickets are issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(
            responseCode = "202",
            description = "PAYMENT_PENDING: the provider's answer is not known yet; the order stays HELD with"
                    + " paymentPending and is settled by the webhook or by reconciliation within a minute",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PendingPayment.class)))
    @PostMapping("/orders/{orderId}/payments")
    ResponseEntity<?> pay(
            @PathVariable UUID orderId, @Valid @RequestBody(required = false) @Nullable PaymentRequest body) {
        var order = ordering.pay(CurrentUser.require(), orderId);
        if (order.status() == OrderStatus.PAID) {
            return ResponseEntity.ok(order);
        }
        return ResponseEntity.accepted().body(new PendingPayment(order, "PAYMENT_PENDING"));
    }

    @ProblemCodes({
        "401 UNAUTHORIZED",
        "404 ORDER_NOT_FOUND",
        "409 NOT_CANCELLABLE",
        "409 REFUND_WINDOW_CLOSED",
        "503 PROVIDER_UNAVAILABLE",
        "400 IDEMPOTENCY_KEY_REQUIRED",
        "409 IDEMPOTENCY_KEY_IN_USE",
        "422 IDEMPOTENCY_KEY_REUSED"
    })
    @Operation(summary = "Cancel a held order, or refund a paid one")
    @PostMapping("/orders/{orderId}/cancel")
    OrderView cancel(@PathVariable UUID orderId) {
        return ordering.cancel(CurrentUser.require(), orderId);
    }
}
