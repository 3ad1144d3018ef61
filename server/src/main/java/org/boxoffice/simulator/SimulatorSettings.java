package org.boxoffice.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * @param enabled start the simulators in-process with the server
 * @param port the simulators' port; 0 takes any free port
 * @param payment the payment provider
 * @param airline the airline reservation system
 * @param partner the partner venues' box offices
 */
@ConfigurationProperties("boxoffice.simulator")
record SimulatorSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue PaymentSimulation payment,
        @DefaultValue AirlineSimulation airline,
        @DefaultValue PartnerSimulation partner) {

    /**
     * @param latency how long each request takes, drawn uniformly from the range
     * @param failureRate the share of new payments that fail: half are declined, some fail before
     *     charging (503), some are charged and then lose their answer (504 or no answer at all)
     * @param webhookUrl where outcomes are announced; unset: this server's own {@code
     *     /api/v1/payments/webhook}
     * @param webhookSecret the HMAC secret webhooks are signed with; unset: {@code
     *     boxoffice.payment.webhook-secret}, or the secret kept in the data directory
     * @param webhookDelay how long after the outcome a webhook is sent as a rule
     * @param webhookDuplicateRate the share of webhooks sent twice
     * @param webhookLateRate the share of webhooks sent after {@code webhookLateDelay} instead
     * @param webhookLateDelay how late a late webhook is
     * @param hang how long a request that gets no answer is held open before it is closed
     */
    record PaymentSimulation(
            @DefaultValue(DEFAULT_LATENCY) LatencyRange latency,
            @DefaultValue(DEFAULT_FAILURE_RATE) double failureRate,
            @Nullable URI webhookUrl,
            @Nullable String webhookSecret,
            @DefaultValue(DEFAULT_WEBHOOK_DELAY) LatencyRange webhookDelay,
            @DefaultValue(DEFAULT_WEBHOOK_DUPLICATE_RATE) double webhookDuplicateRate,
            @DefaultValue(DEFAULT_WEBHOOK_LATE_RATE) double webhookLateRate,
            @DefaultValue(DEFAULT_WEBHOOK_LATE_DELAY) LatencyRange webhookLateDelay,
            @DefaultValue(DEFAULT_HANG) Duration hang) {

        static final String DEFAULT_LATENCY = "250ms-3000ms";
        static final String DEFAULT_FAILURE_RATE = "0.1";
        static final String DEFAULT_WEBHOOK_DELAY = "20ms-300ms";
        static final String DEFAULT_WEBHOOK_DUPLICATE_RATE = "0.05";
        static final String DEFAULT_WEBHOOK_LATE_RATE = "0.05";
        static final String DEFAULT_WEBHOOK_LATE_DELAY = "5s-20s";
        static final String DEFAULT_HANG = "30s";

        /** The defaults, for a simulator started without Spring. */
        static PaymentSimulation defaults() {
            return new PaymentSimulation(
                    LatencyRange.of(DEFAULT_LATENCY),
                    Double.parseDouble(DEFAULT_FAILURE_RATE),
                    null,
                    null,
                    LatencyRange.of(DEFAULT_WEBHOOK_DELAY),
                    Double.parseDouble(DEFAULT_WEBHOOK_DUPLICATE_RATE),
                    Double.parseDouble(DEFAULT_WEBHOOK_LATE_RATE),
                    LatencyRange.of(DEFAULT_WEBHOOK_LATE_DELAY),
                    Duration.ofSeconds(30));
        }

        PaymentBehaviour behaviour() {
            return new PaymentBehaviour(
                    PaymentMode.NORMAL,
                    null,
                    latency,
                    failureRate,
                    new WebhookBehaviour(true, webhookDelay, webhookDuplicateRate, webhookLateRate, webhookLateDelay));
        }

        PaymentSimulator simulator(byte[] secret, Clock clock) {
            // java.util.Random is safe to share between the virtual threads that serve requests.
            var random = new Random();
            var webhooks =
                    new WebhookSender(secret, webhookUrl, JsonMapper.builder().build(), random);
            return new PaymentSimulator(behaviour(), webhooks, clock, random, hang);
        }
    }
}
