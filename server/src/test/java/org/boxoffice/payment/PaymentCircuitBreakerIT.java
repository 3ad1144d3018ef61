package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.boxoffice.platform.Money;
import org.boxoffice.platform.ProviderCalls;
import org.boxoffice.simulator.PaymentSimulatorControl;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BoxofficeIT
class PaymentCircuitBreakerIT {

    private static final Money PRICE = new Money(8_000_000, "KZT");

    @Autowired
    Payments payments;

    @Autowired
    ProviderCalls calls;

    @Autowired
    SimulatorEndpoint simulator;

    PaymentSimulatorControl provider;

    @BeforeEach
    void fastProvider() {
        provider = new PaymentSimulatorControl(simulator);
        provider.fastAndReliable();
        calls.breaker().reset();
    }

    @AfterEach
    void resetProvider() {
        provider.reset();
        calls.breaker().reset();
    }

    @Test
    void aFailingProviderOpensTheBreakerWhichThenAnswersAtOnce() throws Exception {
        provider.behave(Map.of("mode", "ALWAYS_FAIL"));
        var charges = new ArrayList<Callable<ChargeOutcome>>();
        for (int i = 0; i < 6; i++) {
            var orderId = UUID.randomUUID();
            charges.add(() -> payments.charge(orderId, PRICE, orderId + "-a"));
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var outcomes = threads.invokeAll(charges).stream()
                    .map(PaymentCircuitBreakerIT::get)
                    .toList();
            assertThat(outcomes).containsOnly(new ChargeOutcome.Unknown());
        }
        assertThat(calls.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long requestsBefore = provider.chargeRequests();
        var orderId = UUID.randomUUID();

        long started = System.nanoTime();
        var outcome = payments.charge(orderId, PRICE, orderId + "-a");
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isEqualTo(new ChargeOutcome.Unknown());
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(provider.chargeRequests()).isEqualTo(requestsBefore);
    }

    @Test
    void anOpenBreakerAnswersRefundsAndLookupsAtOnceToo() {
        provider.fastAndReliable();
        var orderId = UUID.randomUUID();
        var charged = payments.charge(orderId, PRICE, orderId + "-a");
        assertThat(charged).isInstanceOf(ChargeOutcome.Succeeded.class);
        calls.breaker().transitionToForcedOpenState();

        long started = System.nanoTime();
        var refund = payments.refund(orderId);
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refund).isEqualTo(new RefundOutcome.Unknown());
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(provider.paymentsFor(orderId).getFirst().get("status").asString())
                .isEqualTo("SUCCEEDED");
        calls.breaker().reset();
        assertThat(payments.refund(orderId)).isInstanceOf(RefundOutcome.Refunded.class);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
