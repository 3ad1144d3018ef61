package org.boxoffice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.client.ApiClient;
import org.boxoffice.client.ApiException;
import org.boxoffice.client.api.OrderingControllerApi;
import org.boxoffice.client.model.OrderRequest;
import org.boxoffice.client.model.OrderView;
import org.boxoffice.client.model.OrderingControllerPaymentRequest;
import org.boxoffice.client.model.Place409Response;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hold, a payment, a replayed request, a refusal and a refund through the Java client that
 * openapi-generator builds from docs/openapi.json (the client module): what a client team gets
 * from the description is enough to sell, and to tell SOLD_OUT apart from other refusals.
 */
@BoxofficeIT
class GeneratedClientIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Test
    void aBuyerHoldsPaysAndGetsARefundThroughTheGeneratedClient() throws ApiException {
        var event = new Sales(catalog).arena(1, Sales.generous());
        var buyers = new Buyers(accounts, port);
        var first = orders(buyers.one().bearerToken());
        var second = orders(buyers.one().bearerToken());
        var holdKey = UUID.randomUUID().toString();
        var oneOnTheFloor = new OrderRequest().eventId(event).zone("FLOOR").quantity(1);

        var held = first.place(holdKey, oneOnTheFloor, null);
        var replayed = first.place(holdKey, oneOnTheFloor, null);
        var paid = first.payWithHttpInfo(
                held.getId(), UUID.randomUUID().toString(), new OrderingControllerPaymentRequest().method("card"));
        var refused = catchThrowableOfType(
                ApiException.class, () -> second.place(UUID.randomUUID().toString(), oneOnTheFloor, null));
        var refunded = first.cancel(held.getId(), UUID.randomUUID().toString());

        assertThat(held.getStatus()).isEqualTo(OrderView.StatusEnum.HELD);
        assertThat(replayed.getId()).as("the same key answers the same order").isEqualTo(held.getId());
        assertThat(paid.getStatusCode()).isEqualTo(200);
        assertThat(first.order(held.getId()).getStatus())
                .isIn(OrderView.StatusEnum.PAID, OrderView.StatusEnum.REFUNDED);
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(problemOf(refused).getCode()).isEqualTo(Place409Response.CodeEnum.SOLD_OUT);
        assertThat(refunded.getStatus()).isEqualTo(OrderView.StatusEnum.REFUNDED);
    }

    private OrderingControllerApi orders(String bearerToken) {
        var client = new ApiClient()
                .setScheme("http")
                .setHost("127.0.0.1")
                .setPort(port)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearerToken));
        return new OrderingControllerApi(client);
    }

    private static Place409Response problemOf(ApiException refusal) {
        try {
            return new ApiClient().getObjectMapper().readValue(refusal.getResponseBody(), Place409Response.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("Not a problem document: " + refusal.getResponseBody(), e);
        }
    }
}
