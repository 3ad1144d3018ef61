package org.boxoffice.inventory;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a claim made together: one {@link ClaimOutcome} per request, in the order asked,
 * and for each zone that could not serve every request, how many tickets it had left (0: sold
 * out, as far as this claim could see).
 */
public record GroupClaim(List<ClaimOutcome> outcomes, Map<String, Integer> leftInShortZones) {

    public GroupClaim {
        outcomes = List.copyOf(outcomes);
        leftInShortZones = Map.copyOf(leftInShortZones);
    }
}
