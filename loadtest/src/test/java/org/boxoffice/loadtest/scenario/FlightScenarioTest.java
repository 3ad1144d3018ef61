package org.boxoffice.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole runner against {@link FakeBoxoffice}: set-up, journeys, settling, checks and verdict. */
class FlightScenarioTest {

    @TempDir
    Path workingDirectory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(FakeBoxoffice server, String... extra) {
        var arguments = new ArrayList<>(List.of(
                "--base-url=" + server.baseUrl(),
                "--admin-password=" + FakeBoxoffice.ADMIN_PASSWORD,
                "--travelers=20",
                "--concurrency=5",
                "--ramp-up=0s",
                "--max-duration=60s",
                "--progress-interval=200ms",
                "--token-batch=10",
                "--backoff=1ms",
                "--max-backoff=5ms",
                "--poll-interval=5ms",
                "--settle-timeout=5s",
                "--cancel-ratio=0.5",
                "--seed=1"));
        arguments.addAll(List.of(extra));
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return FlightScenarioCommand.run(arguments, Map.of(), workingDirectory, out);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void moreTravelersThanSeatsEndPassedWithEveryTravelerAccountedFor() throws Exception {
        try (var server = new FakeBoxoffice(List.of(4, 5, 6), true, true)) {
            int exitCode = run(server);

            assertThat(exitCode).as(output()).isEqualTo(FlightScenario.PASSED);
            assertThat(output())
                    .contains("3 flights, 15 seats, 15 available")
                    .contains("Tokens for 20 travelers")
                    .contains("== Outcomes: 20 travelers")
                    .contains("PAID")
                    .contains("SOLD_OUT")
                    .contains("503 PROVIDER_UNAVAILABLE x")
                    .contains("402 PAYMENT_DECLINED x")
                    .contains("202 PAYMENT_PENDING x")
                    .contains("409 SOLD_OUT x")
                    .contains("all invariants hold")
                    .contains("RESULT: PASSED");
            assertThat(output()).containsPattern("hold +\\d+ .*\\| +\\d+ +1\\.5 +1\\.5 +1\\.5 \\| +2\\.0");
        }
    }

    @Test
    void aViolationTheServerReportsFailsTheRun() throws Exception {
        try (var server = new FakeBoxoffice(List.of(10), true, false)) {
            assertThat(run(server, "--travelers=5")).isEqualTo(FlightScenario.VIOLATED);
            assertThat(output()).contains("VIOLATION server: soldTicketsWithoutPaidOrder = 2");
        }
    }

    @Test
    void withoutTheServersInvariantCheckTheRunIsIncomplete() throws Exception {
        try (var server = new FakeBoxoffice(List.of(10), false, true)) {
            assertThat(run(server, "--travelers=5")).isEqualTo(FlightScenario.INCOMPLETE);
            assertThat(output())
                    .contains("NOT CHECKED the server's invariant check")
                    .contains("RESULT: INCOMPLETE");
        }
    }

    @Test
    void aRunCutOffByItsMaximumDurationIsIncomplete() throws Exception {
        try (var server = new FakeBoxoffice(List.of(10), true, true)) {
            assertThat(run(server, "--max-duration=0s")).isEqualTo(FlightScenario.INCOMPLETE);
            assertThat(output()).contains("NOT_STARTED").contains("RESULT: INCOMPLETE");
        }
    }

    @Test
    void aWrongPasswordStopsBeforeAnyTraveler() throws Exception {
        try (var server = new FakeBoxoffice(List.of(10), true, true)) {
            assertThat(run(server, "--admin-password=wrong")).isEqualTo(FlightScenario.INCOMPLETE);
            assertThat(output()).contains("Logging in as admin@boxoffice.local failed: 401 BAD_CREDENTIALS");
        }
    }

    @Test
    void badArgumentsPrintTheUsage() {
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        int exitCode = FlightScenarioCommand.run(List.of("--nope=1"), Map.of(), workingDirectory, out);

        assertThat(exitCode).isEqualTo(FlightScenarioCommand.USAGE);
        assertThat(output()).contains("Unknown option --nope").contains("--travelers");
    }
}
