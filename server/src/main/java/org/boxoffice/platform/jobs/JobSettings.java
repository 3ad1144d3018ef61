package org.boxoffice.platform.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threads the scheduler's threads: at least one per scheduled job, so that no job waits
 *     for another (there are nine)
 */
@ConfigurationProperties("boxoffice.jobs")
record JobSettings(@DefaultValue("12") int threads) {}
