package org.boxoffice.loadtest.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flight scenario from start to verdict: log in as the administrator, list the flights, mint
 * the travelers' tokens, send the crowd, let pending orders settle, check the invariants, report.
 */
final class FlightScenario {

    static final int PASSED = 0;
    static final int VIOLATED = 1;
    static final int INCOMPLETE = 2;

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Options options;
    private final PrintStream out;

    FlightScenario(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the scenario and answers the process exit code. */
    int run() throws InterruptedException {
        announce();
        var stats = new CallStats();
        try (var client = HttpCalls.newClient(options.connectTimeout())) {
            var http = new HttpCalls(
                    options.baseUrl(),
                    client,
                    options.requestTimeout(),
                    stats,
                    JsonMapper.builder().build());
            return run(new BoxofficeApi(http), stats);
        } catch (ScenarioFailure failure) {
            out.println("RESULT: INCOMPLETE. The run could not go on: " + failure.getMessage());
            return INCOMPLETE;
        }
    }

    private int run(BoxofficeApi api, CallStats stats) throws InterruptedException {
        var adminToken = api.login(options.adminEmail(), options.adminPassword().value());
        var board = new FlightBoard(api.flights());
        describe(board);

        var minting = System.nanoTime();
        var minted = new TokenMinting(api, adminToken).mint(options.travelers(), options.tokenBatch());
        if (minted.travelers().isEmpty()) {
            throw new ScenarioFailure("None of the travelers exists. Does the server have its demo data?");
        }
        out.printf(
                Locale.ROOT,
                "Tokens for %d travelers in %.1f s%s%n",
                minted.travelers().size(),
                (System.nanoTime() - minting) / 1e9,
                minted.missing() > 0 ? " (" + minted.missing() + " travelers do not exist)" : "");

        var tally = new Tally(options.travelers());
        for (int i = 0; i < minted.missing(); i++) {
            tally.ended(TravelerOutcome.NO_TOKEN);
        }
        var ledger = new OrderLedger();
        var policy = new JourneyPolicy(
                options.journey(), () -> ThreadLocalRandom.current().nextDouble());
        var journeys = new JourneyContext(api, board, policy, tally, ledger, Deadline.after(options.maxDuration()));

        long started = System.nanoTime();
        try (var _ = ProgressReporter.start(tally, out, options.progressInterval())) {
            // A request in flight at the deadline still gets its timeout before it is interrupted.
            var grace = options.requestTimeout().plusSeconds(5);
            new Crowd(journeys, options.concurrency(), options.rampUp(), options.seed())
                    .travel(minted.travelers(), grace, out);
        }
        var travelled = tally.snapshot();
        var report = new RunReport(out);
        report.outcomes(travelled, Duration.ofNanos(System.nanoTime() - started));

        out.printf(
                Locale.ROOT,
                "%nSettling: %d orders to read again (at most %d s)%n",
                ledger.needingReading().size(),
                options.settleTimeout().toSeconds());
        int unsettled =
                new PendingSettlement(api, ledger, options.journey().pollInterval()).settle(options.settleTimeout());
        var verdict = new InvariantCheck(api, adminToken).check(board, ledger, unsettled);

        report.calls(stats);
        report.invariants(verdict, ledger.size());
        return verdict(verdict, travelled, minted.missing());
    }

    private int verdict(InvariantCheck.Verdict verdict, Tally.Snapshot travelled, int missingTravelers) {
        long unfinished = travelled.outcomes().entrySet().stream()
                .filter(entry -> entry.getKey().incomplete())
                .mapToLong(entry -> entry.getValue())
                .sum();
        out.println();
        if (!verdict.violations().isEmpty()) {
            out.println("RESULT: VIOLATED (" + verdict.violations().size() + " invariant violations)");
            return VIOLATED;
        }
        if (unfinished > 0 || missingTravelers > 0 || !verdict.unchecked().isEmpty()) {
            out.println("RESULT: INCOMPLETE (" + unfinished + " travelers cut off or not started by --max-duration, "
                    + missingTravelers + " without a token, "
                    + verdict.unchecked().size() + " checks not made)");
            return INCOMPLETE;
        }
        out.println("RESULT: PASSED");
        return PASSED;
    }

    private void announce() {
        out.printf(
                Locale.ROOT,
                "Flight scenario against %s: %d travelers, %d at a time, at most %d s (seed %d)%n",
                options.baseUrl(),
                options.travelers(),
                options.concurrency(),
                options.maxDuration().toSeconds(),
                options.seed());
        if (!LOOPBACK.contains(options.baseUrl().getHost())) {
            out.println(
                    "Note: " + options.baseUrl().getHost() + " is not a loopback address; every request goes there.");
        }
    }

    private void describe(FlightBoard board) {
        if (board.flights().isEmpty()) {
            throw new ScenarioFailure("The server lists no flights (GET /api/v1/events?kind=FLIGHT).");
        }
        long capacity = board.flights().stream().mapToLong(Flight::capacity).sum();
        long available = board.flights().stream().mapToLong(Flight::available).sum();
        out.printf(
                Locale.ROOT,
                "%d flights, %d seats, %d available%n",
                board.flights().size(),
                capacity,
                available);
        if (available < capacity) {
            out.println("Note: the flights are already partly booked; figures compare only between runs on a fresh"
                    + " data directory.");
        }
    }
}
