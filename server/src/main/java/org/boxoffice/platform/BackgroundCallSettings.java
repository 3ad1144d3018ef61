package org.boxoffice.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxConcurrent how many background calls (owed cancels, payment checks) may wait on
 *     providers at once; each provider's own bulkhead limits its share further
 */
@ConfigurationProperties("boxoffice.background-calls")
public record BackgroundCallSettings(@DefaultValue("200") int maxConcurrent) {}
