package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The waiting room as a client sees it (API.md, Admission): turning it on for an event, joining
 * its queue, and reading one's entry until admitted, each time after the {@code pollAfterSeconds}
 * the server asked for. Sessions carry {@code token} (the user's bearer token) and {@code address}
 * (its {@code X-Forwarded-For}); the chains save {@code queueId}, {@code position}, {@code
 * admitted}, {@code admissionToken} (once admitted) and {@code pollAfter}.
 */
final class WaitingRoom {

    static final String NOT_THERE = "WAITING ROOM UNAVAILABLE";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WaitingRoom() {}

    /** These rules with the waiting room on: admitting {@code admitPerSecond}, tokens for 5 minutes. */
    static Map<String, Object> on(Map<String, Object> rules, int admitPerSecond) {
        var withRoom = new LinkedHashMap<>(rules);
        withRoom.put(
                "waitingRoom",
                Map.of(
                        "enabled",
                        true,
                        "admitPerSecond",
                        admitPerSecond,
                        "opensMinutesBefore",
                        30,
                        "tokenTtlSeconds",
                        300));
        return withRoom;
    }

    /**
     * A client address per user, {@code 10.x.y.z}, sent as {@code X-Forwarded-For}: the server,
     * started with {@code --boxoffice.rate-limit.trusted-proxies=127.0.0.1}, then limits each user's
     * address as it would a real crowd's, not the load generator's one address.
     */
    static String address(int user) {
        return "10.%d.%d.%d".formatted((user >> 16) & 0xff, (user >> 8) & 0xff, user & 0xff);
    }

    /**
     * Fails the simulation before it starts, with a line naming {@link #NOT_THERE}, unless this user
     * can join the event's queue: on a server without the admission module, {@code POST
     * /events/{id}/queue} answers 404.
     */
    static void requireQueue(AdminClient admin, String eventId, String token) {
        var answer = admin.probe(
                "POST", "api/v1/events/" + eventId + "/queue", token, Map.of("X-Forwarded-For", address(0)));
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            var message = NOT_THERE + ": POST /api/v1/events/" + eventId + "/queue answered " + answer.statusCode()
                    + " " + answer.body();
            System.out.println(message);
            throw new IllegalStateException(message);
        }
    }

    /** Joins the queue (201, or 200 for a user already in it), recorded under {@code name}. */
    static ChainBuilder join(String name, String eventId) {
        return exec(http(name)
                        .post("/api/v1/events/" + eventId + "/queue")
                        .header("Authorization", "Bearer #{token}")
                        .header("X-Forwarded-For", "#{address}")
                        .check(
                                Figures.answer(),
                                Figures.responseTime(),
                                status().in(200, 201),
                                bodyString().saveAs("queueBody")))
                .exec(Figures.record(name))
                .exec(WaitingRoom::readJoin);
    }

    /** One read of the session's queue entry, recorded under {@code name}. */
    static ChainBuilder poll(String name, String eventId) {
        return exec(http(name)
                        .get("/api/v1/events/" + eventId + "/queue/#{queueId}")
                        .header("Authorization", "Bearer #{token}")
                        .header("X-Forwarded-For", "#{address}")
                        .check(
                                Figures.answer(),
                                Figures.responseTime(),
                                status().is(200),
                                bodyString().saveAs("queueBody")))
                .exec(Figures.record(name))
                .exec(WaitingRoom::readEntry);
    }

    /**
     * Reads the entry at once, then after each {@code pollAfterSeconds}, until it carries an
     * admission token or {@code giveUp} says so (then {@code admissionToken} is absent).
     */
    static ChainBuilder untilAdmitted(String name, String eventId, BooleanSupplier giveUp) {
        return exec(poll(name, eventId))
                .exec(asLongAs(session -> !session.contains("admissionToken") && !giveUp.getAsBoolean())
                        .on(pause(WaitingRoom::pollAfter)
                                .exec(doIf(session -> !giveUp.getAsBoolean()).then(poll(name, eventId)))));
    }

    /** The wait the server asked for, at least 100 ms (a missing or zero value must not spin). */
    static Duration pollAfter(Session session) {
        int seconds = session.contains("pollAfter") ? session.getInt("pollAfter") : 1;
        return seconds <= 0 ? Duration.ofMillis(100) : Duration.ofSeconds(seconds);
    }

    private static Session readJoin(Session session) {
        if (!session.contains("queueBody")) {
            return session;
        }
        var body = JSON.readTree(session.getString("queueBody"));
        return session.remove("queueBody")
                .set("queueId", body.path("queueId").asString())
                .set(
                        "position",
                        body.path("position").isNumber() ? body.path("position").asLong() : -1L)
                .set("admitted", body.path("admitted").asBoolean());
    }

    private static Session readEntry(Session session) {
        if (!session.contains("queueBody")) {
            return session;
        }
        var body = JSON.readTree(session.getString("queueBody"));
        var next = session.remove("queueBody")
                .set("admitted", body.path("admitted").asBoolean())
                .set("pollAfter", body.path("pollAfterSeconds").asInt(1));
        var token = body.path("admissionToken");
        return token.isString() && !token.asString().isBlank() ? next.set("admissionToken", token.asString()) : next;
    }
}
