package org.boxoffice.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what visitors read (events, counts, seat maps) is served from memory.
 *
 * @param timeToLive a few hundred milliseconds: a hot event's detail is computed about four times
 *     a second however many read it; zero computes every read
 */
@ConfigurationProperties("boxoffice.read-cache")
public record ReadCacheSettings(@DefaultValue("250ms") Duration timeToLive) {}
