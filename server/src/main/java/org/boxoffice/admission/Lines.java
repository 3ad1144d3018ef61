package org.boxoffice.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The lines of the waiting rooms, kept in Redis so that every instance serves the same one.
 * Each call is one Lua script, one round trip, atomic: joining, reading a place (which moves the
 * front and hands out admissions) and changing the terms. The keys of one event share a hash tag,
 * so a Redis cluster keeps them on one node.
 *
 * <p>A line is a sorted set of places: a join before the opening gets a random score below 1,
 * a later one 1 + its arrival number, so the early crowd is shuffled and everyone after it
 * keeps their order. The front is a number of places, moved by time (see {@code front.lua}).
 */
@Component
class Lines {

    private final StringRedisTemplate redis;
    private final SecureRandom random = new SecureRandom();
    private final RedisScript<List<Object>> joinScript = script("join.lua");
    private final RedisScript<List<Object>> placeScript = script("status.lua");
    private final RedisScript<Long> termsScript = RedisScript.of(text("terms.lua"), Long.class);
    private final RedisScript<Long> brakeScript =
            RedisScript.of(text("front.lua") + "\n" + text("brake.lua"), Long.class);
    private final WaitingRoomSettings settings;

    Lines(StringRedisTemplate redis, WaitingRoomSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** A place in a line as a join finds it. */
    record Joined(UUID queueId, boolean created, long rank, long admittedPlaces) {}

    /**
     * A place in a line as its owner's poll finds it; {@code recentSpeed} is how many places a
     * second the front moved over its last window of 10 s or more (negative: not known yet).
     */
    record Place(
            UUID userId,
            Instant joinedAt,
            long rank,
            long admittedPlaces,
            long length,
            @Nullable Instant tokenLapsesAt,
            boolean admittedNow,
            int admitPerSecond,
            Instant opensAt,
            double recentSpeed) {

        /** Whether the front's recent speed is known (a window of 10 s has passed since it started). */
        boolean speedKnown() {
            return recentSpeed >= 0;
        }
    }

    Joined join(QueueTerms terms, UUID userId, Instant now) {
        var keys = keys(terms.eventId(), "meta", "line", "sequence", "users", "entries", "front", "tokens");
        var expireAt = terms.closesAt().plus(settings.keptAfterSale()).getEpochSecond();
        var reply = run(
                joinScript,
                keys,
                millis(now),
                userId.toString(),
                UUID.randomUUID().toString(),
                Integer.toString(terms.admitPerSecond()),
                millis(terms.opensAt()),
                Long.toString(terms.tokenTtl().toMillis()),
                Long.toString(expireAt),
                Double.toString(random.nextDouble()));
        return new Joined(
                UUID.fromString((String) reply.get(1)), number(reply, 0) == 1, number(reply, 2), number(reply, 3));
    }

    /** The place {@code queueId} in the event's line, or null when the line has no such place. */
    @Nullable
    Place place(UUID eventId, UUID queueId, Instant now) {
        var keys = keys(eventId, "meta", "line", "entries", "front", "tokens");
        var reply = run(placeScript, keys, millis(now), queueId.toString());
        if (reply.isEmpty()) {
            return null;
        }
        var entry = ((String) reply.get(0)).split("\\|", 2);
        long lapses = number(reply, 4);
        return new Place(
                UUID.fromString(entry[0]),
                Instant.ofEpochMilli(Long.parseLong(entry[1])),
                number(reply, 1),
                number(reply, 2),
                number(reply, 3),
                lapses == 0 ? null : Instant.ofEpochMilli(lapses),
                number(reply, 5) == 1,
                Math.toIntExact(number(reply, 6)),
                Instant.ofEpochMilli(number(reply, 7)),
                number(reply, 8) / 1000.0);
    }

    /** New terms (rate, opening, token lifetime) for a line that exists. */
    void change(QueueTerms terms) {
        try {
            redis.execute(
                    termsScript,
                    keys(terms.eventId(), "meta", "front"),
                    Integer.toString(terms.admitPerSecond()),
                    millis(terms.opensAt()),
                    Long.toString(terms.tokenTtl().toMillis()));
        } catch (DataAccessException e) {
            throw new Refusals.WaitingRoomUnavailable(settings.unavailableRetryAfter());
        }
    }

    /**
     * Holds the event's front still until {@code until} (the places admitted so far stay so).
     *
     * @return whether the event has a line to brake
     */
    boolean brake(UUID eventId, Instant now, Instant until) {
        try {
            var braked = redis.execute(brakeScript, keys(eventId, "meta", "line", "front"), millis(now), millis(until));
            return braked != null && braked == 1;
        } catch (DataAccessException e) {
            throw new Refusals.WaitingRoomUnavailable(settings.unavailableRetryAfter());
        }
    }

    private List<Object> run(RedisScript<List<Object>> script, List<String> keys, Object... args) {
        try {
            return Objects.requireNonNull(redis.execute(script, keys, args));
        } catch (DataAccessException e) {
            throw new Refusals.WaitingRoomUnavailable(settings.unavailableRetryAfter());
        }
    }

    private static List<String> keys(UUID eventId, String... names) {
        var tag = "admission:{" + eventId + "}:";
        return java.util.Arrays.stream(names).map(name -> tag + name).toList();
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static long number(List<Object> reply, int index) {
        return ((Number) reply.get(index)).longValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Object>> script(String name) {
        // Each script is front.lua's advance() followed by its own body.
        return (RedisScript<List<Object>>)
                (RedisScript) new DefaultRedisScript<>(text("front.lua") + "\n" + text(name), List.class);
    }

    private static String text(String name) {
        try {
            return new ClassPathResource("admission/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
