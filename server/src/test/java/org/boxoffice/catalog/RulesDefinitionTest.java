package org.boxoffice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesDefinitionTest {

    @Test
    void missingRulesTakeTheDefaults() {
        var rules = RulesDefinition.NONE.applyTo(Rules.DEFAULTS);

        assertThat(rules.holdTtlSeconds()).isEqualTo(600);
        assertThat(rules.maxTicketsPerUser()).isEqualTo(10);
        assertThat(rules.maxActiveOrdersPerUser()).isEqualTo(3);
        assertThat(rules.refundCutoffHours()).isEqualTo(12);
        assertThat(rules.limitGroup()).isNull();
        assertThat(rules.waitingRoom().enabled()).isFalse();
    }

    @Test
    void givenRulesReplaceOnlyWhatTheyName() {
        var current = new Rules(180, 1, 1, 24, "flights", new Rules.WaitingRoom(true, 50, 30, 300));
        var change = new RulesDefinition(
                300, null, null, null, null, new RulesDefinition.WaitingRoomDefinition(null, 500, null, null));

        var merged = change.applyTo(current);

        assertThat(merged).isEqualTo(new Rules(300, 1, 1, 24, "flights", new Rules.WaitingRoom(true, 500, 30, 300)));
    }
}
