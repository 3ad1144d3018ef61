package org.boxoffice.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.boxoffice.platform.ApiException;
import org.boxoffice.platform.Overloaded;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The open streams of this instance, counted per client address and in all: a place is taken
 * before a stream opens and given back when it ends, however it ends. One address cannot take
 * every connection, and the instance cannot open more streams than its memory carries.
 */
@Component
class StreamPlaces {

    private final int perAddress;
    private final int total;
    private final Duration retryAfter;
    private final Map<String, Integer> openByAddress = new HashMap<>();
    private int open;

    StreamPlaces(Settings settings) {
        this.perAddress = settings.maxStreamsPerAddress();
        this.total = settings.maxStreams();
        this.retryAfter = settings.streamRetryAfter();
    }

    /**
     * A place for one more stream of {@code address}.
     *
     * @throws TooManyStreams when the address has its share open already
     * @throws Overloaded when the instance has all the streams it may keep open
     */
    synchronized Place take(String address) {
        int ofAddress = openByAddress.getOrDefault(address, 0);
        if (ofAddress >= perAddress) {
            throw new TooManyStreams(perAddress, retryAfter);
        }
        if (open >= total) {
            throw new Overloaded(
                    "This server has as many live streams open as it can keep; try again later.", retryAfter);
        }
        openByAddress.put(address, ofAddress + 1);
        open++;
        return new Place(address);
    }

    synchronized int open() {
        return open;
    }

    private synchronized void giveBack(String address) {
        open--;
        openByAddress.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
    }

    /** One open stream's place; giving it back twice gives it back once. */
    final class Place {

        private final String address;
        private final AtomicBoolean given = new AtomicBoolean();

        private Place(String address) {
            this.address = address;
        }

        void giveBack() {
            if (given.compareAndSet(false, true)) {
                StreamPlaces.this.giveBack(address);
            }
        }
    }

    /**
     * The caps, beside {@link LiveSettings} under {@code boxoffice.live}.
     *
     * @param maxStreamsPerAddress how many streams one client address ({@code ClientAddresses})
     *     may keep open on this instance; one more is {@code 429 RATE_LIMITED}
     * @param maxStreams how many streams this instance keeps open in all (each costs about 110 KB
     *     of heap and a connection); one more is {@code 503 OVERLOADED}
     * @param streamRetryAfter the {@code Retry-After} of both refusals
     */
    @ConfigurationProperties("boxoffice.live")
    record Settings(
            @DefaultValue("20") int maxStreamsPerAddress,
            @DefaultValue("5000") int maxStreams,
            @DefaultValue("10s") Duration streamRetryAfter) {}

    /** {@code 429 RATE_LIMITED}: this address has as many streams open as it may. */
    static final class TooManyStreams extends ApiException {

        private final Duration retryAfter;

        TooManyStreams(int perAddress, Duration retryAfter) {
            super(429, "RATE_LIMITED", "At most " + perAddress + " live streams may be open from one address.");
            this.retryAfter = retryAfter;
        }

        @Override
        public java.util.Optional<Duration> retryAfter() {
            return java.util.Optional.of(retryAfter);
        }
    }
}
