package org.boxoffice.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the access tokens this server signs, in the one shape {@link TokenIssuer} gives them
 * (the header {@code {"alg":"HS256"}}, claims of strings, numbers and a list of roles), without
 * Nimbus: one HMAC over the first two parts, compared in constant time, one Jackson read of the
 * claims, the times as instants, then the same validator. Nimbus's way parses the header's JSON,
 * creates a {@code Mac} for each token, and converts each claim through a conversion service: for
 * 10,000 buyers arriving at once, each with a token not seen before, that was about 7 % of the
 * request threads' samples in the rush (docs/benchmarks.md).
 *
 * <p>Only a token that passes every check is answered here. Anything else (another header, a bad
 * signature, a claim of another type, a lapsed or foreign token) goes to {@code fallback}, the
 * Nimbus decoder with the same key and validator, which decides it as before: the refusals, their
 * exceptions and messages do not change.
 */
final class SignedTokens implements JwtDecoder {

    /** The header {@link TokenIssuer} writes, base64url-encoded as it appears in the token. */
    static final String HEADER = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.US_ASCII));

    private static final String HEADER_PART = HEADER + '.';
    private static final Map<String, Object> HEADERS = Map.of("alg", "HS256");
    private static final List<String> TIMES = List.of(JwtClaimNames.EXP, JwtClaimNames.IAT, JwtClaimNames.NBF);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final ObjectReader CLAIMS = JsonMapper.shared().readerForMapOf(Object.class);

    private final Mac prototype;
    private final OAuth2TokenValidator<Jwt> validator;
    private final JwtDecoder fallback;

    SignedTokens(SecretKey key, OAuth2TokenValidator<Jwt> validator, JwtDecoder fallback) {
        this.prototype = macOf(key);
        copyOf(prototype); // a provider whose Mac cannot be copied fails at start, not on a request
        this.validator = validator;
        this.fallback = fallback;
    }

    @Override
    public Jwt decode(String token) {
        var jwt = genuine(token);
        return jwt != null ? jwt : fallback.decode(token);
    }

    /** The token's claims when it is one of ours, intact and valid now; else null. */
    private @Nullable Jwt genuine(String token) {
        var signed = token.lastIndexOf('.');
        if (!token.startsWith(HEADER_PART) || signed < HEADER_PART.length()) {
            return null;
        }
        try {
            var signature = BASE64URL.decode(token.substring(signed + 1));
            var expected = copyOf(prototype).doFinal(token.substring(0, signed).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(signature, expected)) {
                return null;
            }
            var claims = claimsOf(BASE64URL.decode(token.substring(HEADER_PART.length(), signed)));
            if (claims == null) {
                return null;
            }
            var jwt = Jwt.withTokenValue(token)
                    .headers(headers -> headers.putAll(HEADERS))
                    .claims(all -> all.putAll(claims))
                    .build();
            return validator.validate(jwt).hasErrors() ? null : jwt;
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }

    /** The claims with their times as instants, or null when one is not of the type we write. */
    private static @Nullable Map<String, Object> claimsOf(byte[] payload) {
        Map<String, Object> claims = CLAIMS.readValue(payload);
        for (var time : TIMES) {
            var value = claims.get(time);
            if (value instanceof Number seconds) {
                claims.put(time, Instant.ofEpochSecond(seconds.longValue()));
            } else if (value != null) {
                return null;
            }
        }
        if (claims.containsKey(JwtClaimNames.AUD) || !(claims.get(JwtClaimNames.SUB) instanceof String)) {
            return null;
        }
        return claims;
    }

    /** A copy of the keyed prototype: cheaper than a new {@code Mac} with its key set up again. */
    private static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 of " + prototype.getProvider() + " cannot be copied", e);
        }
    }

    private static Mac macOf(SecretKey key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available for the token signing key", e);
        }
    }
}
