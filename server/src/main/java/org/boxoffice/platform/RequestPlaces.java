package org.boxoffice.platform;

import org.jspecify.annotations.Nullable;

/**
 * The place the current request holds in this instance's shares (admission's per-event shares),
 * and a way to lend it out while the request waits for something that needs no CPU: a hold's group
 * decision, a provider's answer. A share bounds how many of one event's requests run at once, so
 * that another event's requests find a short queue for the carrier threads; a request that only
 * waits is not running, and keeping its place would only bound how many can wait together (and so
 * how large a group of holds can be).
 *
 * <p>Per thread: the share's filter sets the place for the request's thread and clears it after.
 * Waits on other threads (a drainer, a background job) hold no place and lend nothing.
 */
public final class RequestPlaces {

    /** A place that can be lent out and taken back; both do nothing when they do not apply. */
    public interface Place {
        /** Gives the place to the next in line, for now. */
        void lend();

        /** Takes a place again, waiting for one ahead of requests that have none yet. */
        void takeBack();
    }

    /** The time a place is lent out; closing takes it back. */
    public interface Lent extends AutoCloseable {
        @Override
        void close();
    }

    private static final ThreadLocal<@Nullable Place> HELD = new ThreadLocal<>();
    private static final Lent NOTHING_LENT = () -> {};

    private RequestPlaces() {}

    /** The current thread's request holds {@code place} until {@link #released}. */
    public static void holding(Place place) {
        HELD.set(place);
    }

    public static void released() {
        HELD.remove();
    }

    /**
     * Lends the current request's place out until the result is closed; nothing when it holds none.
     * Use it around a wait that needs no CPU: {@code try (var lent = RequestPlaces.lendWhileWaiting()) {
     * ... }}.
     */
    public static Lent lendWhileWaiting() {
        var place = HELD.get();
        if (place == null) {
            return NOTHING_LENT;
        }
        place.lend();
        return place::takeBack;
    }
}
