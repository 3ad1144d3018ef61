package org.boxoffice.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator account, made at start-up.
 *
 * @param email the administrator's login ({@code BOXOFFICE_ADMIN_EMAIL})
 * @param password the administrator's password ({@code BOXOFFICE_ADMIN_PASSWORD}); when unset,
 *     one is generated, printed once and written to {@code admin-password} in the data directory
 */
@ConfigurationProperties("boxoffice.admin")
record AdminSettings(
        @DefaultValue("admin@boxoffice.local") String email,
        @Nullable String password) {}
