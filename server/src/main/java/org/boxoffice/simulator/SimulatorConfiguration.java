package org.boxoffice.simulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.boxoffice.platform.DataDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Starts the simulators in-process, on their own port, unless {@code boxoffice.simulator.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "boxoffice.simulator.enabled", matchIfMissing = true)
class SimulatorConfiguration {

    // The merchant (our payment module) and the provider share one secret. When nobody configured
    // it, whichever side asks first generates it into this file of the data directory.
    static final String SHARED_SECRET_FILE = "payment-webhook-secret";

    @Bean
    PaymentSimulator paymentSimulator(
            SimulatorSettings settings, DataDirectory dataDirectory, Environment environment, Clock clock) {
        var secret = webhookSecret(settings.payment(), dataDirectory, environment);
        return settings.payment().simulator(secret.getBytes(StandardCharsets.UTF_8), clock);
    }

    @Bean
    AirlineSimulator airlineSimulator(SimulatorSettings settings, Clock clock) {
        return settings.airline().simulator(clock);
    }

    @Bean
    PartnerSimulator partnerSimulator(SimulatorSettings settings, Clock clock) {
        return settings.partner().simulator(clock);
    }

    @Bean
    SimulatorServer simulatorServer(
            SimulatorSettings settings,
            PaymentSimulator paymentSimulator,
            AirlineSimulator airlineSimulator,
            PartnerSimulator partnerSimulator) {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port());
        return SimulatorServer.start(address, paymentSimulator, airlineSimulator, partnerSimulator);
    }

    @Bean
    SimulatorEndpoint simulatorEndpoint(SimulatorServer simulatorServer) {
        return new SimulatorEndpoint(simulatorServer.baseUrl());
    }

    @Bean
    WebhookTarget webhookTarget(SimulatorSettings settings, PaymentSimulator paymentSimulator) {
        return new WebhookTarget(settings.payment().webhookUrl() != null, paymentSimulator);
    }

    private static String webhookSecret(
            SimulatorSettings.PaymentSimulation settings, DataDirectory dataDirectory, Environment environment) {
        if (settings.webhookSecret() != null && !settings.webhookSecret().isBlank()) {
            return settings.webhookSecret();
        }
        var merchantSecret = environment.getProperty("boxoffice.payment.webhook-secret");
        if (merchantSecret != null && !merchantSecret.isBlank()) {
            return merchantSecret;
        }
        return dataDirectory.secret(SHARED_SECRET_FILE, SimulatorConfiguration::generateSecret);
    }

    private static String generateSecret() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
