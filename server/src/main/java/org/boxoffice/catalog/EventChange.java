package org.boxoffice.catalog;

import jakarta.validation.Valid;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator changes on an event; every member is optional and what is missing stays
 * as it is. Rules merge member by member.
 */
public record EventChange(
        @Nullable EventStatus status,
        @Nullable @Valid RulesDefinition rules,
        @Nullable Instant saleStartsAt,
        @Nullable Instant saleEndsAt) {}
