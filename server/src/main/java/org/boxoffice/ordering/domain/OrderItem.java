package org.boxoffice.ordering.domain;

import java.util.UUID;
import org.boxoffice.platform.Money;
import org.jspecify.annotations.Nullable;

/** One ticket of an order, at the price it had when it was held. */
public record OrderItem(
        UUID ticketId, String zone, @Nullable String seat, Money price) {}
