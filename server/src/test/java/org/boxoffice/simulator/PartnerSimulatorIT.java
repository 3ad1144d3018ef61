package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BoxofficeIT
class PartnerSimulatorIT {

    @Autowired
    SimulatorEndpoint endpoint;

    PartnerSimulatorControl control;
    Api partner;

    @BeforeEach
    void fastPartner() {
        control = new PartnerSimulatorControl(endpoint);
        control.fastAndReliable();
        partner = Api.at(endpoint.baseUrl().getPort());
    }

    @AfterEach
    void resetPartner() {
        control.reset();
    }

    @Test
    void eachVenueHasItsOwnBaseUrlBelowThePartnerPath() {
        var eventId = UUID.randomUUID();

        var seats = partner.get("/partner/arman-cinema/events/" + eventId + "/seats");

        assertThat(endpoint.partnerVenues().toString()).isEqualTo(endpoint.baseUrl() + "/partner");
        assertThat(seats.status()).isEqualTo(200);
        assertThat(seats.json().get("unavailable").size()).isBetween(32, 54);
        assertThat(partner.get("/partner/arman-cinema/shows/" + eventId).status())
                .isEqualTo(404);
    }

    @Test
    void aHoldIsConfirmedAndReleasedOverHttp() {
        var eventId = UUID.randomUUID();
        var base = "/partner/riverside/events/" + eventId;

        var held = partner.post(base + "/holds", Map.of("holdKey", "h-" + eventId, "seats", List.of("MAIN-1-1")));
        var taken = partner.post(base + "/holds", Map.of("holdKey", "other-" + eventId, "seats", List.of("MAIN-1-1")));
        var sold = partner.post(base + "/holds/h-" + eventId + "/confirm", Map.of());
        var released = partner.delete(base + "/holds/h-" + eventId);

        assertThat(held.status()).isEqualTo(201);
        assertThat(held.json().get("status").asString()).isEqualTo("HELD");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("status").asString()).isEqualTo("TAKEN");
        assertThat(taken.json().get("seats").get(0).asString()).isEqualTo("MAIN-1-1");
        assertThat(sold.json().get("status").asString()).isEqualTo("SOLD");
        assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
        assertThat(partner.get(base + "/seats").json().get("unavailable").size())
                .isZero();
    }

    @Test
    void theBoxOfficeSellsSeatsForTests() {
        var eventId = UUID.randomUUID();

        var alreadyTaken = control.sellAtBoxOffice("riverside", eventId, List.of("MAIN-2-1", "MAIN-2-2"));

        assertThat(alreadyTaken).isEmpty();
        assertThat(control.soldAtBoxOffice("riverside", eventId)).containsExactly("MAIN-2-1", "MAIN-2-2");
        var hold = partner.post(
                "/partner/riverside/events/" + eventId + "/holds",
                Map.of("holdKey", "h-" + eventId, "seats", List.of("MAIN-2-2")));
        assertThat(hold.status()).isEqualTo(409);
    }

    @Test
    void anOutageAnswers503UntilReset() {
        control.behave(Map.of("mode", "ALWAYS_FAIL", "times", 1));
        var seats = "/partner/riverside/events/" + UUID.randomUUID() + "/seats";

        assertThat(partner.get(seats).status()).isEqualTo(503);
        assertThat(partner.get(seats).status()).isEqualTo(200);
    }
}
