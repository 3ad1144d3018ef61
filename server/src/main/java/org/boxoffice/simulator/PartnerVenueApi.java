package org.boxoffice.simulator;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A partner venue's box-office API. Each venue's base URL is {@code /partner/{venue}}; below it:
 *
 * <ul>
 *   <li>{@code GET /events/{eventId}/seats}: {@code {venue, eventId, unavailable: [seat ids]}},
 *       the seats it will not sell us now (sold at its own box office, held or sold for a seller)
 *   <li>{@code POST /events/{eventId}/holds {holdKey, seats}}: {@code 201 {holdKey, status:
 *       HELD, seats}}, the same answer (200) for the same key afterwards; {@code 409 {status:
 *       TAKEN, seats: [the taken ones]}} when any seat is sold or held (nothing is held then, and
 *       that is the key's answer from then on); {@code 409 {status: RELEASED}} for a key released
 *       before; {@code 422} for a key reused for other seats or seats not in the hall
 *   <li>{@code POST /events/{eventId}/holds/{holdKey}/confirm}: the hold becomes a sale, {@code
 *       200 {status: SOLD}} (again on repeats); {@code 404} for an unknown key, {@code 409} for a
 *       refused or released one
 *   <li>{@code DELETE /events/{eventId}/holds/{holdKey}}: gives held or sold seats back, {@code
 *       200 {status: RELEASED}} however often asked. A key never seen is remembered as released,
 *       so a hold request that arrives later under it is refused
 * </ul>
 *
 * Every request may answer 503 (nothing done) or 504 (done, answer lost), or not at all.
 */
final class PartnerVenueApi implements JsonRoute.Answering {

    static final String PATH = "/partner";
    private static final int MAX_SEATS = 100;

    private final PartnerSimulator partner;

    PartnerVenueApi(PartnerSimulator partner) {
        this.partner = partner;
    }

    @Override
    public Reply answer(JsonExchange exchange) throws IOException, InterruptedException {
        var path = exchange.subPath();
        var segments = path.split("/");
        var method = exchange.method();
        if (segments.length < 4 || !segments[1].equals("events")) {
            return notFound(method, path);
        }
        var venue = segments[0];
        var eventId = segments[2];
        var rest = String.join("/", List.of(segments).subList(3, segments.length));
        if (method.equals("GET") && rest.equals("seats")) {
            return partner.unavailableSeats(venue, eventId);
        }
        if (method.equals("POST") && rest.equals("holds")) {
            var body = exchange.body();
            return partner.hold(venue, eventId, JsonFields.requiredText(body, "holdKey"), seats(body));
        }
        if (segments.length == 5 && segments[3].equals("holds") && method.equals("DELETE")) {
            return partner.release(venue, eventId, segments[4]);
        }
        if (segments.length == 6 && segments[3].equals("holds") && segments[5].equals("confirm")) {
            return method.equals("POST")
                    ? partner.confirm(venue, eventId, segments[4])
                    : Reply.error(405, "METHOD_NOT_ALLOWED", "POST to confirm a hold");
        }
        return notFound(method, path);
    }

    /** The seats asked for, each once, in the order given. */
    private static List<String> seats(tools.jackson.databind.JsonNode body) {
        return List.copyOf(new LinkedHashSet<>(JsonFields.requiredTexts(body, "seats", MAX_SEATS)));
    }

    private static Reply notFound(String method, String path) {
        return Reply.error(404, "NOT_FOUND", "No such route: " + method + " " + PATH + "/" + path);
    }
}
