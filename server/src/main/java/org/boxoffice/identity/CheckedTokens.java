package org.boxoffice.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The access-token decoder with a memory of the tokens it has lately found genuine, so that a
 * buyer's next request (a poll every second near the front, a hold, its payment) pays a hash
 * lookup and the lifetime check instead of parsing the token's JSON, converting its claims and
 * recomputing its signature (a quarter of a waiting room poll's CPU samples in the profile of
 * 2026-12-02; after this change, 0.5 % of them: docs/benchmarks.md).
 *
 * <p>A token is a string that the server signed, and nothing revokes one before it lapses, so the
 * same string always decodes to the same claims: remembering them changes no answer. The
 * lifetime and issuer checks run again on every use, and a token that fails them is forgotten
 * and decoded afresh, which gives its refusal exactly as before.
 */
final class CheckedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> genuine;

    /**
     * @param decoder checks the signature, converts the claims and runs {@code validator}
     * @param validator the checks that depend on the time, run again on every remembered token
     * @param capacity how many tokens are remembered at most (beyond it, Caffeine forgets the least used)
     * @param memory how long a token is remembered after its first check
     */
    CheckedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity, Duration memory) {
        this.decoder = decoder;
        this.validator = validator;
        this.genuine = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(memory)
                .build();
    }

    @Override
    public Jwt decode(String token) {
        var known = genuine.getIfPresent(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return known;
            }
            genuine.invalidate(token);
        }
        var jwt = decoder.decode(token);
        genuine.put(token, jwt);
        return jwt;
    }
}
