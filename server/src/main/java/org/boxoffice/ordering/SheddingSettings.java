package org.boxoffice.ordering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When one event's new holds are turned away ({@code 503 OVERLOADED}) because its own holds
 * already wait longer than a buyer should: the holds in flight for the event against the rate at
 * which this instance has been deciding them (see {@link EventLoad}).
 *
 * @param shedAfter a new hold is refused when the holds already in flight for its event would take
 *     longer than this to decide at the measured rate; {@code 0} turns shedding off. A second or
 *     two: a buyer told to come back then loses less than one who waits for an answer that takes
 *     longer, and the event's other holds are answered in time instead of timing out together
 * @param shedMinDepth below this many holds in flight for one event, it is never shed, whatever
 *     the estimate: a quiet event's rate rests on a handful of holds and says little, and a queue
 *     this short drains in a couple of groups on the grouped path. It is also what a rush on an
 *     event this instance has no rate for yet is let in with
 * @param brakeAdmissionsAfter when an event's recent holds took longer than this on average (or
 *     its holds in flight would at the measured rate), its waiting room stops admitting for a
 *     moment: the buyers it admits should get their hold at once, and a rate set too high for what
 *     the hold path carries beside the crowd's polls would otherwise pile them up; {@code 0} turns
 *     the brake off
 */
@ConfigurationProperties("boxoffice.holds")
record SheddingSettings(
        @DefaultValue("1500ms") Duration shedAfter,
        @DefaultValue("500") int shedMinDepth,
        @DefaultValue("100ms") Duration brakeAdmissionsAfter) {

    boolean enabled() {
        return shedAfter.isPositive();
    }

    boolean brakesAdmissions() {
        return brakeAdmissionsAfter.isPositive();
    }
}
