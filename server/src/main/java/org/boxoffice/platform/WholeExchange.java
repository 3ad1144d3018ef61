package org.boxoffice.platform;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request to a provider, answer body included, within one time limit. The JDK client's
 * request timeout stops applying once the headers arrive, so a provider that sends its headers
 * and then stalls its body would outlive every deadline; here the whole exchange is bounded and
 * abandoned (its connection closed) when the limit passes.
 */
public final class WholeExchange {

    private WholeExchange() {}

    /**
     * Sends {@code request} and reads the whole answer within {@code timeout}.
     *
     * @throws ProviderTimedOut when the answer, headers or body, is not all in within the limit
     * @throws ProviderUnavailable when the connection fails (refused, reset, closed early)
     */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, Duration timeout, String provider) {
        var exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ProviderTimedOut("No whole answer from " + provider + " within " + timeout, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("Interrupted while waiting for " + provider, e);
        } catch (CancellationException e) {
            throw new ProviderUnavailable("The call to " + provider + " was cancelled", e);
        } catch (ExecutionException e) {
            throw failure(provider, e.getCause() == null ? e : e.getCause());
        }
    }

    private static ProviderUnavailable failure(String provider, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new ProviderTimedOut("No answer from " + provider + ": " + cause, cause);
        }
        if (cause instanceof IOException) {
            return new ProviderUnavailable("No answer from " + provider + ": " + cause, cause);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new ProviderUnavailable("No answer from " + provider + ": " + cause, cause);
    }
}
