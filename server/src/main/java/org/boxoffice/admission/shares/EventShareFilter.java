package org.boxoffice.admission.shares;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.boxoffice.platform.Overloaded;
import org.boxoffice.platform.Problems;
import org.boxoffice.platform.RequestPlaces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs each request about an event ({@link RequestEvents}) in that event's share of the instance
 * ({@link EventShares}). A request that finds no place within {@code patience} gets {@code 503 OVERLOADED} with {@code
 * Retry-After}, having changed nothing. Requests that name no event (an order's payment, the
 * account) run as before.
 *
 * <p>While the carriers fall behind ({@link CarrierLag} over {@code lagTarget}) and other events
 * have requests too, the busiest event is narrowed ({@link EventShares#adapt}), and widened again
 * as they catch up.
 *
 * <p>After the rate limits (order -10), so that a refused request takes no place, and before the
 * idempotency keys (order 0), so that a key is claimed only by a request that runs.
 */
@Component
@Order(-5)
class EventShareFilter extends OncePerRequestFilter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventShareFilter.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final EventShares shares;
    private final EventShareSettings settings;
    private final RequestEvents events;
    private final Problems problems;
    private final Counter refused;
    private final @Nullable CarrierLag lag;

    EventShareFilter(EventShareSettings settings, JsonMapper json, Problems problems, MeterRegistry meters) {
        this.shares = new EventShares(
                settings.places(), settings.mostPerEvent(), settings.mostWaitingPerEvent(), settings.leastInFlight());
        this.settings = settings;
        this.events = new RequestEvents(json);
        this.problems = problems;
        Gauge.builder("boxoffice.admission.shares.running", shares, EventShares::running)
                .description("Requests about events running now on this instance")
                .register(meters);
        Gauge.builder("boxoffice.admission.shares.waiting", shares, EventShares::waiting)
                .description("Requests about events waiting for their event's share of this instance")
                .register(meters);
        this.refused = Counter.builder("boxoffice.admission.shares.refused")
                .description("Requests refused because their event's share stayed full")
                .register(meters);
        this.lag = settings.enabled() && settings.lagTarget().isPositive() ? startLag(meters) : null;
    }

    private CarrierLag startLag(MeterRegistry meters) {
        var target = settings.lagTarget();
        var started = CarrierLag.start(mean -> adapt(mean, target));
        Gauge.builder(
                        "boxoffice.admission.shares.lag",
                        started,
                        lag -> lag.last().toNanos() / 1e9)
                .description("How late the carrier threads are for a woken request (mean of the last 100 ms)")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("boxoffice.admission.shares.narrowed", shares, EventShares::narrowed)
                .description("Events narrowed to fewer requests in flight while the carriers are late")
                .register(meters);
        return started;
    }

    private void adapt(Duration mean, Duration target) {
        boolean behind = mean.compareTo(target) > 0;
        shares.adapt(behind, mean.compareTo(target.dividedBy(2)) < 0);
        if (log.isDebugEnabled()) {
            log.debug("Carrier lag {} µs, {} events narrowed", mean.toNanos() / 1_000, shares.narrowed());
        }
    }

    @Override
    public void destroy() {
        if (lag != null) {
            lag.close();
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var eventId = events.of(request);
        if (eventId.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try (var place = enter(eventId.get())) {
            if (place == null) {
                refused.increment();
                problems.write(
                        response,
                        new Overloaded(
                                "This event's requests are more than this server runs at once; please try again shortly.",
                                RETRY_AFTER));
                return;
            }
            RequestPlaces.holding(place);
            try {
                chain.doFilter(request, response);
            } finally {
                RequestPlaces.released();
            }
        }
    }

    private EventShares.@Nullable Place enter(UUID eventId) throws IOException {
        try {
            return shares.enter(eventId, settings.patience());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the event's share", e);
        }
    }
}
