package org.boxoffice.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.platform.RequestKey;
import org.boxoffice.platform.RequestKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single path: one hold in one transaction ({@link HoldSteps}), with its request's key claimed
 * and answered in it. The reference path ({@code boxoffice.holds.grouped=false}), and the
 * fallback of a group that failed as a whole. The grouped path is {@link GroupedHolds}.
 */
@Component
class SingleHolds {

    private final HoldSteps holding;
    private final RequestKeys requestKeys;
    private final OrderViews views;
    private final TransactionTemplate transaction;

    SingleHolds(HoldSteps holding, RequestKeys requestKeys, OrderViews views, TransactionTemplate transaction) {
        this.holding = holding;
        this.requestKeys = requestKeys;
        this.views = views;
        this.transaction = transaction;
    }

    OrderView hold(UUID userId, OrderRequest request, SaleTerms terms, Instant now, @Nullable RequestKey key) {
        return Objects.requireNonNull(transaction.execute(status -> {
            if (key != null && !requestKeys.claimAll(List.of(key), now).isEmpty()) {
                throw new RequestKeys.KeyInUse();
            }
            var view = views.of(holding.hold(userId, request, terms, now, Set.of()));
            if (key != null) {
                requestKeys.answerAll(List.of(new RequestKeys.Answer(key, 201, view)), now);
            }
            return view;
        }));
    }
}
