package org.boxoffice.simulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the simulators on their own, outside the server, for load tests against a deployed
 * engine:
 *
 * <pre>
 * java -cp boxoffice-server.jar org.boxoffice.simulator.Simulators --port=9090 \
 *     --payment.latency=250ms-3000ms --payment.failure-rate=0.1 \
 *     --payment.webhook-url=http://engine:8080/api/v1/payments/webhook --payment.webhook-secret=... \
 *     --airline.latency=250ms-3000ms --airline.failure-rate=0.2 \
 *     --partner.latency=50ms-500ms --partner.failure-rate=0.05
 * </pre>
 *
 * Without a webhook URL no webhooks are sent. Point the engine at it with {@code
 * boxoffice.payment.base-url=http://host:9090}, {@code boxoffice.airline.base-url=http://host:9090/airline}
 * and {@code boxoffice.partner.simulator-url=http://host:9090/partner}.
 */
public final class Simulators {

    private Simulators() {}

    public static void main(String[] args) {
        var options = options(args);
        var defaults = SimulatorSettings.PaymentSimulation.defaults();
        var webhookUrl = options.get("payment.webhook-url");
        var secret = options.getOrDefault("payment.webhook-secret", System.getenv("BOXOFFICE_PAYMENT_WEBHOOK_SECRET"));
        if (webhookUrl != null && secret == null) {
            throw new IllegalArgumentException("Sending webhooks needs --payment.webhook-secret");
        }
        var payment = new SimulatorSettings.PaymentSimulation(
                LatencyRange.of(options.getOrDefault(
                        "payment.latency", defaults.latency().toString())),
                Double.parseDouble(
                        options.getOrDefault("payment.failure-rate", String.valueOf(defaults.failureRate()))),
                webhookUrl == null ? null : URI.create(webhookUrl),
                secret,
                defaults.webhookDelay(),
                defaults.webhookDuplicateRate(),
                defaults.webhookLateRate(),
                defaults.webhookLateDelay(),
                Duration.ofSeconds(30));
        var clock = Clock.systemUTC();
        var simulator = payment.simulator((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8), clock);
        int port = Integer.parseInt(options.getOrDefault("port", "9090"));
        var server = SimulatorServer.start(
                new InetSocketAddress(port),
                simulator,
                airline(options).simulator(clock),
                partner(options).simulator(clock));
        var endpoint = new SimulatorEndpoint(server.baseUrl());
        System.out.println("Payment provider simulator listening at " + server.baseUrl() + PaymentProviderApi.PATH);
        System.out.println("Airline simulator listening at " + endpoint.airline());
        System.out.println("Partner venue simulators listening at " + endpoint.partnerVenues() + "/{venue}");
    }

    private static AirlineSimulation airline(Map<String, String> options) {
        var defaults = AirlineSimulation.defaults();
        return new AirlineSimulation(
                LatencyRange.of(options.getOrDefault(
                        "airline.latency", defaults.latency().toString())),
                Double.parseDouble(
                        options.getOrDefault("airline.failure-rate", String.valueOf(defaults.failureRate()))),
                defaults.hang());
    }

    private static PartnerSimulation partner(Map<String, String> options) {
        var defaults = PartnerSimulation.defaults();
        return new PartnerSimulation(
                LatencyRange.of(options.getOrDefault(
                        "partner.latency", defaults.latency().toString())),
                Double.parseDouble(
                        options.getOrDefault("partner.failure-rate", String.valueOf(defaults.failureRate()))),
                defaults.hang(),
                null);
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (var arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value: " + arg);
            }
            int equals = arg.indexOf('=');
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
