package org.boxoffice.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every feature.
 *
 * @param dataDir where the embedded engines keep their data and where generated secrets live
 */
@ConfigurationProperties("boxoffice")
public record BoxofficeSettings(@DefaultValue("./data") Path dataDir) {}
