package org.boxoffice.admission.shares;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance shares itself between events ({@link EventShares}).
 *
 * @param enabled false lets every request about an event run at once, however many
 * @param places requests about events that run at once on this instance, all events together:
 *     enough to keep the two cores and the database busy (a hold spends most of its time waiting
 *     for a group's statements), few enough that a request ready to run finds a short queue for
 *     the carrier threads
 * @param mostPerEvent of those, at most this many for one event, so that a crowd on one event
 *     leaves the rest to the others at once
 * @param patience how long a request waits in its event's line for a place before it is refused
 *     with {@code 503 OVERLOADED}
 * @param mostWaitingPerEvent an event's line is no longer than this; a request beyond it is
 *     refused at once
 * @param lagTarget while the carrier threads are later than this for a woken request and other
 *     events have requests too, the busiest event is narrowed to fewer requests in flight (lent
 *     places included), and widened again once they are under half of it; zero never narrows
 * @param leastInFlight a narrowed event still keeps this many requests in flight
 */
@ConfigurationProperties("boxoffice.admission.shares")
record EventShareSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("48") int places,
        @DefaultValue("32") int mostPerEvent,
        @DefaultValue("5s") Duration patience,
        @DefaultValue("5000") int mostWaitingPerEvent,
        @DefaultValue("5ms") Duration lagTarget,
        @DefaultValue("16") int leastInFlight) {}
