package org.boxoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.boxoffice.platform.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class WebhookNoticeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID ORDER = UUID.fromString("0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11");

    @Test
    void readsTheProvidersNotice() {
        var notice = parse("""
                {"paymentId": "pay_1", "orderId": "%s", "status": "SUCCEEDED",
                 "amount": {"amount": 4000000, "currency": "KZT"}}""".formatted(ORDER));

        assertThat(notice)
                .isEqualTo(new WebhookNotice(
                        "pay_1", ORDER, WebhookNotice.Status.SUCCEEDED, new Money(4_000_000, "KZT"), null));
    }

    @Test
    void readsTheIdempotencyKeyWhenTheProviderEchoesIt() {
        var notice = parse("""
                {"paymentId": "pay_1", "orderId": "%s", "status": "SUCCEEDED", "idempotencyKey": "attempt-7",
                 "amount": {"amount": 4000000, "currency": "KZT"}}""".formatted(ORDER));

        assertThat(notice.attemptKey()).isEqualTo("attempt-7");
    }

    @Test
    void readsAnAmountGivenInMinorUnitsBesideItsCurrency() {
        var notice = parse("""
                {"paymentId": "pay_1", "orderId": "%s", "status": "FAILED", "amount": 500, "currency": "USD"}""".formatted(ORDER));

        assertThat(notice.amount()).isEqualTo(new Money(500, "USD"));
        assertThat(notice.status()).isEqualTo(WebhookNotice.Status.FAILED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{}",
                "{\"paymentId\": \"pay_1\", \"orderId\": \"not-a-uuid\", \"status\": \"SUCCEEDED\", \"amount\": {\"amount\": 1, \"currency\": \"KZT\"}}",
                "{\"paymentId\": \"pay_1\", \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"MAYBE\", \"amount\": {\"amount\": 1, \"currency\": \"KZT\"}}",
                "{\"paymentId\": \"\", \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"SUCCEEDED\", \"amount\": {\"amount\": 1, \"currency\": \"KZT\"}}",
                "{\"paymentId\": 7, \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"SUCCEEDED\", \"amount\": {\"amount\": 1, \"currency\": \"KZT\"}}",
                "{\"paymentId\": \"pay_1\", \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"SUCCEEDED\", \"amount\": {\"amount\": -1, \"currency\": \"KZT\"}}",
                "{\"paymentId\": \"pay_1\", \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"SUCCEEDED\", \"amount\": {\"amount\": 1.5, \"currency\": \"KZT\"}}",
                "{\"paymentId\": \"pay_1\", \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"SUCCEEDED\", \"amount\": {\"amount\": 1, \"currency\": \"tenge\"}}",
                "{\"paymentId\": \"pay_1\", \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"SUCCEEDED\", \"amount\": 99999999999999999999999}",
                "{\"paymentId\": \"pay_1\", \"orderId\": \"0b9e8a4e-4b53-4d5c-9d25-5d3f3b7f0a11\", \"status\": \"SUCCEEDED\"}"
            })
    void refusesANoticeThatDoesNotSayWhatHappened(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedWebhook.class);
    }

    private static WebhookNotice parse(String body) {
        return WebhookNotice.parse(body.getBytes(StandardCharsets.UTF_8), JSON);
    }
}
