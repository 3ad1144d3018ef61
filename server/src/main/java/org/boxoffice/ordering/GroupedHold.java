package org.boxoffice.ordering;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.boxoffice.platform.RequestKey;
import org.jspecify.annotations.Nullable;

/**
 * A hold waiting to be decided together with others for the same event, with its request's key
 * (claimed and answered in the group's transaction); answered once its group commits.
 */
record GroupedHold(
        UUID userId,
        OrderRequest request,
        SaleTerms terms,
        @Nullable RequestKey key,
        CompletableFuture<OrderView> answer) {

    GroupedHold(UUID userId, OrderRequest request, SaleTerms terms, @Nullable RequestKey key) {
        this(userId, request, terms, key, new CompletableFuture<>());
    }
}
