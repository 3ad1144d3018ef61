package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BoxofficeIT
class AirlineSimulatorIT {

    @Autowired
    SimulatorEndpoint endpoint;

    AirlineSimulatorControl control;
    Api airline;

    @BeforeEach
    void fastAirline() {
        control = new AirlineSimulatorControl(endpoint);
        control.fastAndReliable();
        airline = Api.at(endpoint.baseUrl().getPort());
    }

    @AfterEach
    void resetAirline() {
        control.reset();
    }

    @Test
    void servesTheAirlineBelowItsOwnBaseUrl() {
        assertThat(endpoint.airline().toString()).isEqualTo(endpoint.baseUrl() + "/airline");
    }

    @Test
    void concurrentDuplicatesOverHttpReserveOnce() throws Exception {
        control.behave(Map.of("latency", "30ms-60ms"));
        var flightId = UUID.randomUUID();
        var body = reservation("dup-" + flightId, flightId);
        var duplicates = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 20; i++) {
            duplicates.add(() -> airline.post("/airline/reservations", body));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var replies = threads.invokeAll(duplicates).stream()
                    .map(AirlineSimulatorIT::get)
                    .toList();

            assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 201));
            assertThat(replies.stream()
                            .map(reply -> reply.json().get("reference").asString())
                            .distinct())
                    .hasSize(1);
        }
        var reservations = control.reservationsFor(flightId);
        assertThat(reservations).hasSize(1);
        assertThat(reservations.getFirst().get("requests").asInt()).isEqualTo(20);
    }

    @Test
    void aReservationIsLookedUpAndCancelledByItsKey() {
        var flightId = UUID.randomUUID();
        var key = "key-" + flightId;

        assertThat(airline.get("/airline/reservations/" + key).status()).isEqualTo(404);
        var reserved = airline.post("/airline/reservations", reservation(key, flightId));
        assertThat(reserved.status()).isEqualTo(201);
        assertThat(reserved.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(airline.get("/airline/reservations/" + key)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CONFIRMED");

        var cancelled = airline.delete("/airline/reservations/" + key);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(airline.delete("/airline/reservations/" + key).status()).isEqualTo(200);
        assertThat(control.reservation(key).get("cancelRequests").asInt()).isEqualTo(2);
    }

    @Test
    void aForcedRefusalAppliesForTheGivenNumberOfRequests() {
        control.behave(Map.of("mode", "ALWAYS_REFUSE", "times", 1));
        var flightId = UUID.randomUUID();

        var refused = airline.post("/airline/reservations", reservation("r1-" + flightId, flightId));
        var next = airline.post("/airline/reservations", reservation("r2-" + flightId, flightId));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(next.status()).isEqualTo(201);
    }

    @Test
    void malformedReservationsAreRefusedAndReserveNothing() {
        var flightId = UUID.randomUUID();

        assertThat(airline.post("/airline/reservations", "{not json").status()).isEqualTo(400);
        assertThat(airline.post("/airline/reservations", Map.of("reservationKey", "k", "flightId", flightId.toString()))
                        .status())
                .isEqualTo(400);
        assertThat(airline.post("/_control/airline", Map.of("mode", "SOMETIMES"))
                        .status())
                .isEqualTo(400);
        assertThat(control.reservationsFor(flightId)).isEmpty();
    }

    private static Map<String, Object> reservation(String key, UUID flightId) {
        return Map.of(
                "reservationKey",
                key,
                "flightId",
                flightId.toString(),
                "ticketIds",
                List.of(UUID.randomUUID().toString()),
                "passengerRef",
                "traveler00001@demo.boxoffice.org");
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
