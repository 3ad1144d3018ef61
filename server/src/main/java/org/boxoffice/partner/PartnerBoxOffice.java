package org.boxoffice.partner;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The port to partner venues' box-office systems, each at its own base URL (already resolved,
 * see {@link PartnerUrls}). Each method is one request and may take at most {@code timeout}. A
 * request that got no usable answer throws {@link org.boxoffice.platform.ProviderUnavailable}
 * (worth retrying with the same key); one the partner refused as malformed throws {@link
 * org.boxoffice.platform.ProviderRejected}.
 */
interface PartnerBoxOffice {

    /** The seats the venue will not sell us now. */
    Set<String> unavailableSeats(URI venue, UUID eventId, Duration timeout);

    /** Holds the seats once per {@code holdKey}: {@code Held} or {@code Taken}. */
    PartnerHold hold(URI venue, UUID eventId, List<String> seats, String holdKey, Duration timeout);

    /** Turns the hold into a sale; false when the partner says it cannot (released or refused). */
    boolean confirm(URI venue, UUID eventId, String holdKey, Duration timeout);

    /** Gives the held (or sold) seats back, and turns away later holds with the key. */
    void release(URI venue, UUID eventId, String holdKey, Duration timeout);
}
