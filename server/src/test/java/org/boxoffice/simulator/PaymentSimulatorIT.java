package org.boxoffice.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
class PaymentSimulatorIT {

    @Autowired
    SimulatorEndpoint endpoint;

    PaymentSimulatorControl control;
    Api provider;

    @BeforeEach
    void fastProvider() {
        control = new PaymentSimulatorControl(endpoint);
        control.fastAndReliable();
        provider = Api.at(endpoint.baseUrl().getPort());
    }

    @AfterEach
    void resetProvider() {
        control.reset();
    }

    @Test
    void servesItsOwnPortApartFromTheServer() {
        assertThat(endpoint.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.baseUrl().getPort()).isPositive();
    }

    @Test
    void concurrentDuplicatesOverHttpAreChargedOnce() throws Exception {
        control.behave(Map.of("latency", "30ms-60ms"));
        var orderId = UUID.randomUUID();
        var body = Map.of(
                "idempotencyKey", "dup-" + orderId, "reference", orderId.toString(), "amount", 1500, "currency", "KZT");
        var duplicates = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 20; i++) {
            duplicates.add(() -> provider.post("/payments", body));
        }

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var replies = threads.invokeAll(duplicates).stream()
                    .map(PaymentSimulatorIT::get)
                    .toList();

            assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
            assertThat(replies.stream()
                            .map(reply -> reply.json().get("paymentId").asString())
                            .distinct())
                    .hasSize(1);
        }
        var payments = control.paymentsFor(orderId);
        assertThat(payments).hasSize(1);
        assertThat(payments.getFirst().get("requests").asInt()).isEqualTo(20);
    }

    @Test
    void aForcedModeAppliesForTheGivenNumberOfRequests() {
        control.behave(Map.of("mode", "ALWAYS_FAIL", "times", 1));
        var orderId = UUID.randomUUID();
        var body = Map.of(
                "idempotencyKey", "k-" + orderId, "reference", orderId.toString(), "amount", 100, "currency", "KZT");

        assertThat(provider.post("/payments", body).status()).isEqualTo(503);
        var retry = provider.post("/payments", body);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(provider.get("/_control/payments")
                        .json()
                        .at("/behaviour/mode")
                        .asString())
                .isEqualTo("NORMAL");
    }

    @Test
    void lookupByKeyFindsThePaymentOrNothing() {
        var orderId = UUID.randomUUID();
        var key = "lookup-" + orderId;
        provider.post(
                "/payments",
                Map.of("idempotencyKey", key, "reference", orderId.toString(), "amount", 100, "currency", "KZT"));

        assertThat(provider.get("/payments?idempotencyKey=" + key)
                        .json()
                        .get("reference")
                        .asString())
                .isEqualTo(orderId.toString());
        assertThat(provider.get("/payments?idempotencyKey=never-sent").status()).isEqualTo(404);
    }

    @Test
    void malformedRequestsAreRefusedNotCharged() {
        long before = control.chargeRequests();

        assertThat(provider.post("/payments", "{").status()).isEqualTo(400);
        assertThat(provider.post(
                                "/payments",
                                Map.of("idempotencyKey", "x", "reference", "r", "amount", -5, "currency", "KZT"))
                        .status())
                .isEqualTo(400);
        assertThat(provider.post("/_control/payments", Map.of("mode", "CHAOS")).status())
                .isEqualTo(400);
        assertThat(control.chargeRequests() - before).isZero();
        assertThat(provider.get("/nowhere").status()).isEqualTo(404);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
