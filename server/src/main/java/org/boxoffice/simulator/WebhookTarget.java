package org.boxoffice.simulator;

import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Points the in-process payment provider's webhooks at this server once its port is known,
 * unless a webhook URL was configured. The path is the merchant's configuration at the
 * provider, as it would be in a real provider's dashboard.
 */
final class WebhookTarget implements ApplicationListener<WebServerInitializedEvent> {

    static final String MERCHANT_WEBHOOK_PATH = "/api/v1/payments/webhook";

    private final boolean configured;
    private final PaymentSimulator payments;

    WebhookTarget(boolean configured, PaymentSimulator payments) {
        this.configured = configured;
        this.payments = payments;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // A management server on its own port has a namespace; the API server has none.
        if (configured || event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        payments.webhookTo(URI.create("http://127.0.0.1:" + port + MERCHANT_WEBHOOK_PATH));
    }
}
