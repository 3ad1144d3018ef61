package org.boxoffice.ordering;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.boxoffice.ordering.domain.Order;

/** A hold waiting to be decided together with others for the same event; answered once its group commits. */
record GroupedHold(UUID userId, OrderRequest request, SaleTerms terms, CompletableFuture<Order> answer) {

    GroupedHold(UUID userId, OrderRequest request, SaleTerms terms) {
        this(userId, request, terms, new CompletableFuture<>());
    }
}
