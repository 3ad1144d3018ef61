package org.boxoffice.ordering;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.boxoffice.platform.RequestKey;
import org.jspecify.annotations.Nullable;

/**
 * A hold in its event's queue on the grouped path ({@link GroupedHolds}), waiting to be decided
 * together with others for the same event, with its request's key
 * (claimed and answered in the group's transaction); answered once its group commits.
 */
record QueuedHold(
        UUID userId,
        OrderRequest request,
        SaleTerms terms,
        @Nullable RequestKey key,
        CompletableFuture<OrderView> answer) {

    QueuedHold(UUID userId, OrderRequest request, SaleTerms terms, @Nullable RequestKey key) {
        this(userId, request, terms, key, new CompletableFuture<>());
    }
}
