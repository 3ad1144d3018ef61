package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.boxoffice.admission.WaitingRooms;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.KafkaBroker;
import org.boxoffice.testing.OtherInstance;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The alert rules and the dashboard in {@code deploy/} name only metrics that a server in the
 * production shape (Kafka on) exports: an instance of its own, after a hold and a waiting-room
 * join (meters that appear with their first use), is scraped as Prometheus scrapes it.
 */
@BoxofficeIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringContractIT {

    private static final String SCRAPE_TOKEN = "scrape-token-of-the-monitoring-contract-test";
    private static final Pattern METRIC =
            Pattern.compile("\\b(?:boxoffice|resilience4j|http_server|hikaricp|jvm|process)_[a-z0-9_]+");
    private static final Path DEPLOY = Path.of("..", "deploy");

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    DataRedisConnectionDetails redis;

    KafkaBroker broker;
    OtherInstance instance;
    Set<String> exported;

    @BeforeAll
    void scrapeAnInstanceThatHasSold() throws Exception {
        broker = new KafkaBroker();
        broker.start();
        instance = OtherInstance.sharing(
                database,
                redis,
                "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "boxoffice.metrics.scrape-token=" + SCRAPE_TOKEN);
        var buyer = new Buyers(accounts, instance.port()).one();
        var event = new Sales(catalog).arena(10, Sales.generous());
        var held = buyer.postOnce("/api/v1/orders", Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        var queued = new WaitingRooms(catalog).event(Instant.now().plusSeconds(600), 10, 600);
        assertThat(WaitingRooms.join(buyer, queued).status()).isLessThan(300);

        var scrape = Api.at(instance.port()).as(SCRAPE_TOKEN).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        exported = scrape.body()
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyMetricTheAlertRulesNameIsExported() throws IOException {
        var named = metricsNamedIn(DEPLOY.resolve("prometheus/alerts.yml"));

        assertThat(named).hasSizeGreaterThan(10);
        assertThat(exported).containsAll(named);
    }

    @Test
    void everyMetricTheDashboardNamesIsExported() throws IOException {
        var named = metricsNamedIn(DEPLOY.resolve("grafana/dashboards/boxoffice.json"));

        assertThat(named).hasSizeGreaterThan(10);
        assertThat(exported).containsAll(named);
    }

    @Test
    void theBriefsMetricsAreAmongThemAll() throws IOException {
        var named = new TreeSet<>(metricsNamedIn(DEPLOY.resolve("prometheus/alerts.yml")));
        named.addAll(metricsNamedIn(DEPLOY.resolve("grafana/dashboards/boxoffice.json")));

        assertThat(named)
                .contains(
                        "boxoffice_holds_seconds_count",
                        "boxoffice_holds_seconds_bucket",
                        "boxoffice_holds_release_lag_seconds",
                        "boxoffice_payments_total",
                        "boxoffice_payment_webhooks_total",
                        "boxoffice_tickets_paid_not_issued",
                        "boxoffice_invariants_violations",
                        "boxoffice_admission_queue_length",
                        "boxoffice_provider_breaker_open",
                        "resilience4j_circuitbreaker_calls_seconds_count",
                        "boxoffice_jobs_lag_seconds",
                        "boxoffice_outbox_relay_lag_seconds",
                        "boxoffice_eventstream_lag_seconds");
    }

    private static Set<String> metricsNamedIn(Path file) throws IOException {
        var text = Files.readString(file);
        var names = new TreeSet<String>();
        METRIC.matcher(text).results().map(match -> match.group()).forEach(names::add);
        return names;
    }
}
