package org.boxoffice.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.boxoffice.platform.DataDirectory;
import org.boxoffice.platform.ProviderCalls;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    // Shared with the in-process simulator, which generates it if it asks first.
    static final String SHARED_SECRET_FILE = "payment-webhook-secret";

    @Bean
    PaymentProvider paymentProvider(
            PaymentSettings settings, ObjectProvider<SimulatorEndpoint> simulator, JsonMapper json) {
        var baseUrl = settings.baseUrl();
        if (baseUrl == null) {
            var endpoint = simulator.getIfAvailable();
            if (endpoint == null) {
                throw new IllegalStateException(
                        "Set boxoffice.payment.base-url, or keep boxoffice.simulator.enabled for the simulated provider");
            }
            baseUrl = endpoint.baseUrl();
        }
        return new HttpPaymentProvider(baseUrl, settings.connectTimeout(), json);
    }

    @Bean
    ProviderCalls providerCalls(PaymentSettings settings, MeterRegistry meters) {
        return ProviderCalls.of(
                "payment-provider",
                settings.deadline(),
                settings.readTimeout(),
                settings.retries(),
                settings.circuitBreaker(),
                settings.bulkhead(),
                meters);
    }

    @Bean
    WebhookSignature webhookSignature(PaymentSettings settings, DataDirectory dataDirectory) {
        var secret =
                settings.webhookSecret() != null && !settings.webhookSecret().isBlank()
                        ? settings.webhookSecret()
                        : dataDirectory.secret(SHARED_SECRET_FILE, PaymentConfiguration::generateSecret);
        return new WebhookSignature(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String generateSecret() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
