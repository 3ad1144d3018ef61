package org.boxoffice.partner;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a partner venue's base URL really points. Events of the demo name their partner on the
 * host {@code partner-simulator.boxoffice.internal}, because the in-process simulator's port
 * changes from start to start: that host stands for the simulator's partner venues, the path
 * (the venue key) is kept, so {@code http://partner-simulator.boxoffice.internal/arman-cinema}
 * becomes {@code {simulator}/partner/arman-cinema}. Every other URL is called as it is.
 */
final class PartnerUrls {

    static final String SIMULATOR_HOST = "partner-simulator.boxoffice.internal";

    private final @Nullable URI simulatorVenues;

    /** @param simulatorVenues where the simulated venues are ({@code {simulator}/partner}); null: nowhere */
    PartnerUrls(@Nullable URI simulatorVenues) {
        this.simulatorVenues = simulatorVenues;
    }

    URI resolve(URI baseUrl) {
        var host = baseUrl.getHost();
        if (simulatorVenues == null
                || host == null
                || !host.toLowerCase(Locale.ROOT).equals(SIMULATOR_HOST)) {
            return baseUrl;
        }
        var path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return URI.create(simulatorVenues.toString().replaceAll("/+$", "") + path.replaceAll("/+$", ""));
    }
}
