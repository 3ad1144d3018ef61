package org.boxoffice.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import javax.crypto.SecretKey;
import org.boxoffice.platform.BodyLimitFilter;
import org.boxoffice.platform.DataDirectory;
import org.boxoffice.platform.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;

/**
 * Stateless bearer-token security. The rules below are the whole map of who may call what:
 * anything not listed is public, so an unknown route is a plain 404.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Actuator's metrics: for an administrator or a scraper with the metrics token; health stays open. */
    private static final String[] METRICS_PATHS = {
        "/actuator/prometheus", "/actuator/prometheus/**", "/actuator/metrics", "/actuator/metrics/**"
    };

    private static final PathPatternRequestMatcher ACTUATOR =
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            JwtDecoder decoder,
            JwtAuthenticationConverter tokens,
            MetricsScrapeToken scrapeToken,
            BodyLimitFilter bodyLimit,
            Problems problems) {
        var refusals = new SecurityRefusals(problems);
        var accessTokens = new JwtAuthenticationProvider(decoder);
        accessTokens.setJwtAuthenticationConverter(tokens);
        var apiTokens = new ProviderManager(accessTokens);
        // The scrape token is tried on the actuator only: anywhere else it is a bad access token.
        var actuatorTokens = new ProviderManager(scrapeToken, accessTokens);
        AuthenticationManagerResolver<HttpServletRequest> managers =
                request -> ACTUATOR.matches(request) ? actuatorTokens : apiTokens;
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(METRICS_PATHS)
                        .hasAnyRole(Role.ADMIN.name(), MetricsScrapeToken.ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/checkin")
                        .hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
                        .requestMatchers(
                                "/api/v1/me",
                                "/api/v1/me/**",
                                "/api/v1/orders",
                                "/api/v1/orders/**",
                                "/api/v1/tickets/**",
                                "/api/v1/events/*/queue",
                                "/api/v1/events/*/queue/**",
                                "/api/v1/events/*/waitlist",
                                "/api/v1/events/*/waitlist/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new BearerHeader())
                        .authenticationManagerResolver(managers)
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                // After the token is checked, before the route's roles are: see BodyLimitFilter.
                .addFilterAfter(bodyLimit, SecurityContextHolderAwareRequestFilter.class)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .build();
    }

    /**
     * No observation wrappers around the security filters, the authentication and the
     * authorization: with {@code management.observations.enable.spring.security=false} alone their
     * observations are no-ops, yet every filter of the chain is still wrapped and its wrapper runs
     * on every request (about 3% of a hold's CPU in the flash sale). Requests stay timed by {@code
     * http.server.requests}.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    MetricsScrapeToken metricsScrapeToken(MetricsScrapeSettings settings, DataDirectory dataDirectory) {
        return MetricsScrapeToken.of(settings, dataDirectory);
    }

    @Bean
    SecretKey tokenSigningKey(IdentitySettings settings, DataDirectory dataDirectory) {
        return SigningKey.of(settings, dataDirectory);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey, IdentitySettings settings) {
        var validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(TokenIssuer.ISSUER));
        var ours = new SignedTokens(tokenSigningKey, validator, nimbusDecoder(tokenSigningKey, validator));
        return new CheckedTokens(ours, validator, settings.checkedTokens(), settings.tokenTtl());
    }

    /** Spring Security's decoder for our tokens: what {@link SignedTokens} leaves to it. */
    static NimbusJwtDecoder nimbusDecoder(SecretKey tokenSigningKey, OAuth2TokenValidator<Jwt> validator) {
        var decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator);
        // The issuer stays the string it is: by default it is tried as a URL first, which throws
        // (and is caught) on every request for a name like ours.
        decoder.setClaimSetConverter(
                MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer)));
        return decoder;
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenIssuer.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
