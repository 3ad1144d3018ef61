package org.boxoffice.ordering.web;

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
import org.boxoffice.platform.RequestKey;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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

/** Orders over HTTP. Create, pay and cancel need an {@code Idempotency-Key} (see the platform filter). */
@RestController
@RequestMapping("/api/v1")
@Validated
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

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView place(
            @Valid @RequestBody OrderRequest request,
            @RequestHeader(name = "X-Admission-Token", required = false) @Nullable String admissionToken,
            @RequestAttribute(name = RequestKey.ATTRIBUTE, required = false) @Nullable RequestKey key) {
        return ordering.place(CurrentUser.require(), request, admissionToken, key);
    }

    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable UUID orderId) {
        return ordering.order(CurrentUser.require(), orderId);
    }

    @GetMapping("/me/orders")
    Page<OrderView> mine(
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var user = CurrentUser.require();
        return new Page<>(ordering.ordersOf(user, status, page, size), page, size, ordering.countOf(user, status));
    }

    /** {@code 200} with the paid order, or {@code 202} while the provider's answer is not known. */
    @PostMapping("/orders/{orderId}/payments")
    ResponseEntity<?> pay(
            @PathVariable UUID orderId, @Valid @RequestBody(required = false) @Nullable PaymentRequest body) {
        var order = ordering.pay(CurrentUser.require(), orderId);
        if (order.status() == OrderStatus.PAID) {
            return ResponseEntity.ok(order);
        }
        return ResponseEntity.accepted().body(new PendingPayment(order, "PAYMENT_PENDING"));
    }

    @PostMapping("/orders/{orderId}/cancel")
    OrderView cancel(@PathVariable UUID orderId) {
        return ordering.cancel(CurrentUser.require(), orderId);
    }
}
