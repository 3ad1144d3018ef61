package org.boxoffice.loadtest.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code --name=value} (or {@code --name value}) arguments into {@link Options}. The admin
 * password comes from {@code --admin-password}, else the environment variable {@code
 * BOXOFFICE_ADMIN_PASSWORD}, else the file the server writes on its first start.
 */
final class OptionsParser {

    static final String PASSWORD_VARIABLE = "BOXOFFICE_ADMIN_PASSWORD";
    static final String EMAIL_VARIABLE = "BOXOFFICE_ADMIN_EMAIL";

    /** Traveler emails have five digits ({@code traveler00001}), so more cannot be addressed. */
    static final int MAX_TRAVELERS = 99_999;

    private record Spec(String name, @Nullable String defaultValue, String meaning) {}

    private static final List<Spec> SPECS = List.of(
            new Spec(
                    "base-url", "http://localhost:8080", "the running server; all traffic goes there and nowhere else"),
            new Spec("admin-email", "admin@boxoffice.local", "administrator (or env " + EMAIL_VARIABLE + ")"),
            new Spec("admin-password", null, "or env " + PASSWORD_VARIABLE + ", or --admin-password-file"),
            new Spec("admin-password-file", null, "default: data/admin-password in the repository root"),
            new Spec("travelers", "10000", "travelers traveler00001 ... travelerNNNNN to run (at most 99999)"),
            new Spec("concurrency", "1000", "travelers on their journey at the same time"),
            new Spec("max-duration", "15m", "travelers stop starting and acting after this long"),
            new Spec("ramp-up", "5s", "time over which the concurrent workers start"),
            new Spec("request-timeout", "30s", "bound on every single request"),
            new Spec("connect-timeout", "5s", "bound on opening a connection"),
            new Spec("progress-interval", "5s", "time between progress lines"),
            new Spec("settle-timeout", "60s", "wait for pending orders to settle before the final checks"),
            new Spec("token-batch", "1000", "emails per POST /admin/tokens (a 413 halves it)"),
            new Spec("seed", null, "random seed for flight choices and cancellations (default: random, printed)"),
            new Spec("max-flights", "5", "flights one traveler tries on 409 SOLD_OUT"),
            new Spec("max-provider-retries", "3", "new hold attempts after 503 PROVIDER_UNAVAILABLE"),
            new Spec("max-decline-retries", "3", "new payment attempts after 402 PAYMENT_DECLINED"),
            new Spec("max-resends", "3", "resends of one attempt (same Idempotency-Key) after a network error or 5xx"),
            new Spec("backoff", "250ms", "first retry delay, doubled per retry, with jitter"),
            new Spec("max-backoff", "5s", "largest retry delay"),
            new Spec("poll-interval", "1s", "time between reads of an order whose outcome is pending"),
            new Spec("pending-timeout", "90s", "how long a traveler polls a pending order"),
            new Spec("cancel-ratio", "0.1", "share of travelers who cancel their paid order"));

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final LongSupplier randomSeed;

    OptionsParser(Map<String, String> environment, Path workingDirectory, LongSupplier randomSeed) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.randomSeed = randomSeed;
    }

    static String usage() {
        var lines = SPECS.stream()
                .map(spec -> String.format(
                        Locale.ROOT,
                        "  --%-22s %s%s",
                        spec.name(),
                        spec.meaning(),
                        spec.defaultValue() == null ? "" : " [" + spec.defaultValue() + "]"))
                .collect(Collectors.joining("\n"));
        return "Flight scenario runner: drives a running boxoffice server through the flight booking flow.\n"
                + "Usage: ./mvnw -q -pl loadtest compile exec:java -Dexec.args=\"--option=value ...\"\n"
                + lines;
    }

    Options parse(List<String> arguments) {
        var given = read(arguments);
        var values = new Values(given);
        var journey = new JourneyLimits(
                values.integer("max-flights", 1, 200),
                values.integer("max-provider-retries", 0, 20),
                values.integer("max-decline-retries", 0, 20),
                values.integer("max-resends", 0, 20),
                values.duration("backoff"),
                values.duration("max-backoff"),
                values.positiveDuration("poll-interval"),
                values.duration("pending-timeout"),
                values.ratio("cancel-ratio"));
        var baseUrl = baseUrl(values.text("base-url"));
        int travelers = values.integer("travelers", 1, MAX_TRAVELERS);
        int concurrency = values.integer("concurrency", 1, 100_000);
        var maxDuration = values.duration("max-duration");
        var rampUp = values.duration("ramp-up");
        var requestTimeout = values.positiveDuration("request-timeout");
        var connectTimeout = values.positiveDuration("connect-timeout");
        var progressInterval = values.positiveDuration("progress-interval");
        var settleTimeout = values.duration("settle-timeout");
        int tokenBatch = values.integer("token-batch", 1, 10_000);
        long seed = given.containsKey("seed") ? values.longInteger("seed") : randomSeed.getAsLong();
        // The password last: a typo in another option is reported before a missing password file.
        return new Options(
                baseUrl,
                adminEmail(given),
                adminPassword(given),
                travelers,
                concurrency,
                maxDuration,
                rampUp,
                requestTimeout,
                connectTimeout,
                progressInterval,
                settleTimeout,
                tokenBatch,
                seed,
                journey);
    }

    private static Map<String, String> read(List<String> arguments) {
        var known = SPECS.stream().map(Spec::name).toList();
        var given = new LinkedHashMap<String, String>();
        for (int i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new UsageException("Expected --name=value but got '" + argument + "'.");
            }
            var equals = argument.indexOf('=');
            String name;
            String value;
            if (equals >= 0) {
                name = argument.substring(2, equals);
                value = argument.substring(equals + 1);
            } else if (i + 1 < arguments.size()) {
                name = argument.substring(2);
                value = arguments.get(++i);
            } else {
                throw new UsageException("--" + argument.substring(2) + " needs a value.");
            }
            if (!known.contains(name)) {
                throw new UsageException("Unknown option --" + name + ".");
            }
            given.put(name, value);
        }
        return given;
    }

    private static URI baseUrl(String text) {
        try {
            var uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException("--base-url must be an http(s) URL with a host, got '" + text + "'.");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new UsageException("--base-url must not carry a query or fragment.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--base-url is not a URL: " + e.getMessage());
        }
    }

    private String adminEmail(Map<String, String> given) {
        if (given.containsKey("admin-email")) {
            return given.get("admin-email");
        }
        return environment.getOrDefault(EMAIL_VARIABLE, defaultOf("admin-email"));
    }

    private Options.Secret adminPassword(Map<String, String> given) {
        if (given.containsKey("admin-password")) {
            return new Options.Secret(given.get("admin-password"));
        }
        var fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Options.Secret(fromEnvironment);
        }
        var file = given.containsKey("admin-password-file")
                ? workingDirectory.resolve(given.get("admin-password-file"))
                : RepositoryRoot.above(workingDirectory).resolve("data").resolve("admin-password");
        try {
            var password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new UsageException("The admin password file " + file + " is empty.");
            }
            return new Options.Secret(password);
        } catch (IOException e) {
            throw new UsageException("No admin password: pass --admin-password, set " + PASSWORD_VARIABLE
                    + ", or start the server once so that it writes " + file + " ("
                    + e.getClass().getSimpleName()
                    + ").");
        }
    }

    private static String defaultOf(String name) {
        return SPECS.stream()
                .filter(spec -> spec.name().equals(name))
                .map(Spec::defaultValue)
                .findFirst()
                .orElseThrow();
    }

    /** Typed access to the given values, falling back to each option's default. */
    private record Values(Map<String, String> given) {

        String text(String name) {
            var value = given.get(name);
            return value != null ? value : defaultOf(name);
        }

        int integer(String name, int min, int max) {
            var number = longInteger(name);
            if (number < min || number > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + number);
            }
            return (int) number;
        }

        long longInteger(String name) {
            var text = text(name).replace("_", "");
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, got '" + text + "'.");
            }
        }

        double ratio(String name) {
            try {
                var ratio = Double.parseDouble(text(name));
                if (!(ratio >= 0 && ratio <= 1)) {
                    throw new UsageException("--" + name + " must be between 0 and 1, got " + ratio);
                }
                return ratio;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a number between 0 and 1.");
            }
        }

        /** For waits that would turn into busy loops (or that the HTTP client refuses) at zero. */
        Duration positiveDuration(String name) {
            var duration = duration(name);
            if (duration.isZero()) {
                throw new UsageException("--" + name + " must be longer than zero.");
            }
            return duration;
        }

        Duration duration(String name) {
            var duration = parseDuration(text(name));
            if (duration == null || duration.isNegative()) {
                throw new UsageException("--" + name + " must be a duration like 500ms, 30s, 15m, 1h or PT15M.");
            }
            return duration;
        }
    }

    static @Nullable Duration parseDuration(String text) {
        var simple = SIMPLE_DURATION.matcher(text.strip());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
