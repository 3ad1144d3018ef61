package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventChangeTest {

    private static final Event ON_SALE = EventPlan.of(
                    UUID.randomUUID(), Definitions.event("Changing").build(), java.util.Optional.empty())
            .event();

    @Test
    void anEmptyChangeChangesNothing() {
        assertThat(ON_SALE.changedBy(new EventChange(null, null, null, null))).isEqualTo(ON_SALE);
    }

    @Test
    void rulesMergeMemberByMember() {
        var changed = ON_SALE.changedBy(
                new EventChange(null, new RulesDefinition(120, null, null, null, "flights", null), null, null));

        assertThat(changed.rules()).isEqualTo(new Rules(120, 10, 3, 12, "flights", Rules.WaitingRoom.DEFAULTS));
    }

    @Test
    void theSaleWindowMovesWithinTheRules() {
        var closesEarly = Definitions.STARTS_AT.minus(Duration.ofDays(1));

        assertThat(ON_SALE.changedBy(new EventChange(null, null, null, closesEarly))
                        .saleEndsAt())
                .isEqualTo(closesEarly);
        assertThatThrownBy(() ->
                        ON_SALE.changedBy(new EventChange(null, null, null, Definitions.STARTS_AT.plusSeconds(1))))
                .isInstanceOf(InvalidDefinition.class);
    }

    @Test
    void aPublishedEventCannotGoBackToDraft() {
        assertThatThrownBy(() -> ON_SALE.changedBy(new EventChange(EventStatus.DRAFT, null, null, null)))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("ON_SALE to DRAFT");
    }

    @Test
    void aCancelledEventChangesNoMore() {
        var cancelled = ON_SALE.changedBy(new EventChange(EventStatus.CANCELLED, null, null, null));

        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThatThrownBy(() -> cancelled.changedBy(
                        new EventChange(null, new RulesDefinition(60, null, null, null, null, null), null, null)))
                .isInstanceOf(InvalidDefinition.class);
        assertThatThrownBy(() -> cancelled.changedBy(new EventChange(EventStatus.ON_SALE, null, null, null)))
                .isInstanceOf(InvalidDefinition.class);
    }
}
