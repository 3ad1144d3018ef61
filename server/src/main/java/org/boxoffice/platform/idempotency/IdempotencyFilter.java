package org.boxoffice.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.boxoffice.platform.ApiException;
import org.boxoffice.platform.DatabaseTrouble;
import org.boxoffice.platform.Problems;
import org.boxoffice.platform.RequestKey;
import org.boxoffice.platform.RequestKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes mutating requests idempotent. The first request with a key claims it in PostgreSQL and
 * runs; its answer is stored. A repeat with the same body gets the stored answer, a repeat with
 * another body {@code 422 IDEMPOTENCY_KEY_REUSED}, and a repeat that arrives while the first is
 * still running waits for it: it never runs twice.
 *
 * <p>Runs after Spring Security (whose filter chain has a lower order), so the caller is known.
 *
 * <p>The key is claimed before any controller runs, so a database in trouble is answered here, as
 * a controller would answer it ({@code 503 DATABASE_UNAVAILABLE} or {@code 503 OVERLOADED} with
 * {@code Retry-After}): nothing ran. When the key cannot be stored after the request ran, the
 * client still gets the request's own answer; the key then stays running until it counts as
 * abandoned.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");
    /** A duplicate asks again after 20 ms, then less and less often, so waiting costs little. */
    private static final long FIRST_POLL_MILLIS = 20;

    private static final long LONGEST_POLL_MILLIS = 500;
    private static final long RELEASE_RETRY_MILLIS = 500;

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;
    private final Problems problems;
    private final DatabaseTrouble databaseTrouble;
    private final Clock clock;
    private final List<PathPattern> requiredPaths;
    private final List<PathPattern> settledByHandlerPaths;

    IdempotencyFilter(
            IdempotencyKeys keys,
            IdempotencySettings settings,
            Problems problems,
            DatabaseTrouble databaseTrouble,
            Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.problems = problems;
        this.databaseTrouble = databaseTrouble;
        this.clock = clock;
        this.requiredPaths = parsed(settings.requiredPaths());
        this.settledByHandlerPaths = parsed(settings.settledByHandlerPaths());
    }

    /** Parsed once: matching a parsed pattern is several times cheaper than an Ant matcher's. */
    private static List<PathPattern> parsed(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var method = HttpMethod.valueOf(request.getMethod());
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = request.getHeader(HEADER);
        var principal = principal();
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key == null) {
            if (isRequired(request)) {
                problems.write(
                        response, 400, "IDEMPOTENCY_KEY_REQUIRED", "This request needs an Idempotency-Key header.");
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, 400, "VALIDATION", "An Idempotency-Key is 1 to 64 printable characters.");
            return;
        }
        var hash = fingerprint(request);
        if (isSettledByHandler(request)) {
            runSettledByHandler(new HandlerKey(principal, key, hash), request, response, chain);
            return;
        }
        boolean ours;
        try {
            ours = keys.claim(principal, key, hash, clock.instant())
                    || waitForTurn(principal, key, hash, response, true);
        } catch (RuntimeException e) {
            problems.write(response, refusalFor(e));
            return;
        }
        if (ours) {
            runAndStore(principal, key, request, response, chain);
        }
    }

    private ApiException refusalFor(RuntimeException failure) {
        if (failure instanceof ApiException refusal) {
            return refusal;
        }
        var refusal = databaseTrouble.refusalFor(failure).orElseThrow(() -> failure);
        log.warn("An Idempotency-Key could not be claimed: {}", failure.toString());
        return refusal;
    }

    /**
     * Answers a duplicate from the store; true only when the first execution was abandoned (or
     * failed and let go of its key) and is ours now. A request that already ran its handler cannot
     * run again ({@code mayRun} false): it is asked to try again instead.
     */
    private boolean waitForTurn(String principal, String key, byte[] hash, HttpServletResponse response, boolean mayRun)
            throws IOException {
        long deadline = System.nanoTime() + settings.waitForRunning().toNanos();
        long pollMillis = FIRST_POLL_MILLIS;
        while (true) {
            var stored = keys.find(principal, key);
            if (stored.isEmpty() && !mayRun) {
                writeInUse(response);
                return false;
            }
            if (stored.isEmpty()) {
                if (keys.claim(principal, key, hash, clock.instant())) {
                    return true;
                }
                continue;
            }
            var answer = stored.get();
            if (!Arrays.equals(answer.requestHash(), hash)) {
                problems.write(
                        response, 422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for another request.");
                return false;
            }
            if (answer.done()) {
                replay(answer, response);
                return false;
            }
            if (isAbandoned(answer) && mayRun && takeOver(principal, key, hash)) {
                return true;
            }
            if (System.nanoTime() > deadline || (isAbandoned(answer) && !mayRun)) {
                writeInUse(response);
                return false;
            }
            pause(pollMillis);
            pollMillis = Math.min(LONGEST_POLL_MILLIS, pollMillis * 2);
        }
    }

    private void writeInUse(HttpServletResponse response) throws IOException {
        problems.write(response, new RequestKeys.KeyInUse());
    }

    /**
     * Runs a request whose handler settles its key ({@link RequestKeys}), then settles what the
     * handler left: stores the answer of a key claimed apart, answers a request whose key another
     * one had with that one's answer, and sends the stored answer instead of a refusal that
     * claimed nothing when the key has one.
     */
    private void runSettledByHandler(
            HandlerKey key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(RequestKey.ATTRIBUTE, key);
        var recording = new ContentCachingResponseWrapper(response);
        boolean ran = false;
        try {
            chain.doFilter(request, recording);
            ran = true;
        } finally {
            try {
                settleWhatTheHandlerLeft(key, recording, ran);
            } finally {
                recording.copyBodyToResponse();
            }
        }
    }

    private void settleWhatTheHandlerLeft(HandlerKey key, ContentCachingResponseWrapper recording, boolean ran)
            throws IOException {
        int status = recording.getStatus();
        switch (key.state()) {
            case SETTLED -> {}
            case CLAIMED_APART -> storeOrRelease(key.principal(), key.key(), recording, ran);
            case TAKEN -> answerFromStore(key, recording);
            case OPEN -> {
                if (ran && status >= 400 && status < 500) {
                    answerFromStoreIfKept(key, recording);
                } else if (ran && status < 400) {
                    log.error("{} answered {} without settling its Idempotency-Key", key.principal(), status);
                }
            }
        }
    }

    /**
     * A refusal that claimed nothing stands unless the key already has an answer (of an earlier
     * request, or of one whose claim was in flight): then that answer is sent.
     */
    private void answerFromStoreIfKept(HandlerKey key, ContentCachingResponseWrapper recording) throws IOException {
        try {
            if (keys.findAfterClaimsInFlight(key.principal(), key.key(), key.lock())
                    .isPresent()) {
                answerFromStore(key, recording);
            }
        } catch (RuntimeException e) {
            recording.resetBuffer();
            problems.write(recording, refusalFor(e));
        }
    }

    private void answerFromStore(HandlerKey key, ContentCachingResponseWrapper recording) throws IOException {
        recording.resetBuffer();
        try {
            waitForTurn(key.principal(), key.key(), key.fingerprint(), recording, false);
        } catch (RuntimeException e) {
            recording.resetBuffer();
            problems.write(recording, refusalFor(e));
        }
    }

    private void runAndStore(
            String principal, String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var recording = new ContentCachingResponseWrapper(response);
        boolean ran = false;
        try {
            chain.doFilter(request, recording);
            ran = true;
        } finally {
            try {
                storeOrRelease(principal, key, recording, ran);
            } finally {
                recording.copyBodyToResponse();
            }
        }
    }

    /** Stores the answer of a request that ran, or lets go of the key of one that failed on our side. */
    private void storeOrRelease(String principal, String key, ContentCachingResponseWrapper recording, boolean ran) {
        if (ran && recording.getStatus() < 500) {
            storeOrLeaveRunning(() -> keys.complete(
                    principal,
                    key,
                    recording.getStatus(),
                    recording.getContentType(),
                    recording.getContentAsByteArray(),
                    clock.instant()));
        } else {
            releaseSoon(principal, key);
        }
    }

    /**
     * Forgets the key of a request that failed on our side, so that the client may send it again,
     * in the background: a request that failed because the database is in trouble would otherwise
     * wait for it a second time before its answer. A repeat that arrives first waits for the key,
     * as for any running request. Tried again while the database is in trouble, for half the
     * abandonment time at most (the key may be taken over after that).
     */
    private void releaseSoon(String principal, String key) {
        long deadline = System.nanoTime() + settings.abandonedAfter().toNanos() / 2;
        Thread.ofVirtual().name("idempotency-release").start(() -> {
            while (true) {
                try {
                    keys.release(principal, key);
                    return;
                } catch (RuntimeException e) {
                    boolean trouble = e instanceof ApiException
                            || databaseTrouble.refusalFor(e).isPresent();
                    if (!trouble || System.nanoTime() > deadline) {
                        log.warn("An Idempotency-Key could not be released; it stays running until abandoned", e);
                        return;
                    }
                    pause(RELEASE_RETRY_MILLIS);
                }
            }
        });
    }

    /**
     * Stores the answer of a request that ran. When that fails the client still gets the answer
     * (what it asked for happened), and the key stays running, as after a crash, until abandoned.
     */
    private void storeOrLeaveRunning(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            if (e instanceof ApiException || databaseTrouble.refusalFor(e).isPresent()) {
                log.warn("An Idempotency-Key could not be stored; it stays running until abandoned: {}", e.toString());
            } else {
                log.error("An Idempotency-Key could not be stored; it stays running until abandoned", e);
            }
        }
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.body() != null) {
            response.getOutputStream().write(answer.body());
        }
    }

    private boolean takeOver(String principal, String key, byte[] hash) {
        var now = clock.instant();
        return keys.takeOverAbandoned(principal, key, hash, now.minus(settings.abandonedAfter()), now);
    }

    private boolean isAbandoned(StoredAnswer answer) {
        return answer.startedAt().plus(settings.abandonedAfter()).isBefore(clock.instant());
    }

    private boolean isSettledByHandler(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod()) && matchesAny(settledByHandlerPaths, request);
    }

    private static boolean matchesAny(List<PathPattern> patterns, HttpServletRequest request) {
        var path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (var pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private boolean isRequired(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod()) && matchesAny(requiredPaths, request);
    }

    private static @Nullable String principal() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    /** Two requests are the same when method, path and body are the same. */
    private static byte[] fingerprint(HttpServletRequest request) throws IOException {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(request.getInputStream().readAllBytes());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an idempotent request", e);
        }
    }
}
