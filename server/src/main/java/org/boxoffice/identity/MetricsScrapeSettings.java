package org.boxoffice.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param scrapeToken the bearer token that lets Prometheus read {@code /actuator/prometheus} and
 *     {@code /actuator/metrics} (at least 32 characters); when unset, one is generated once and
 *     kept in the data directory as {@code metrics-scrape-token}, for Prometheus' {@code
 *     authorization.credentials_file}
 */
@ConfigurationProperties("boxoffice.metrics")
record MetricsScrapeSettings(@Nullable String scrapeToken) {}
