package org.boxoffice.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param salesFreshFor how long one computed sales report answers every reader of its event; the
 *     API lets counts lag a write by at most a second, so this is at most one second
 * @param exportFetchSize how many rows the CSV export reads from the database at a time
 */
@ConfigurationProperties("boxoffice.analytics")
record AnalyticsSettings(
        @DefaultValue("1s") Duration salesFreshFor,
        @DefaultValue("1000") int exportFetchSize) {

    AnalyticsSettings {
        if (salesFreshFor.isNegative() || salesFreshFor.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("boxoffice.analytics.sales-fresh-for is 0 to 1s: " + salesFreshFor);
        }
        if (exportFetchSize < 1) {
            throw new IllegalArgumentException("boxoffice.analytics.export-fetch-size is at least 1");
        }
    }
}
