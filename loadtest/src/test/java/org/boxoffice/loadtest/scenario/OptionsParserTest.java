package org.boxoffice.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsParserTest {

    @TempDir
    Path repository;

    private Options parse(Map<String, String> environment, String... arguments) {
        return new OptionsParser(environment, repository, () -> 42L).parse(List.of(arguments));
    }

    @Test
    void defaultsDescribeTheBriefsFlightScenario() {
        var options = parse(Map.of(), "--admin-password=secret");

        assertThat(options.baseUrl()).hasToString("http://localhost:8080");
        assertThat(options.adminEmail()).isEqualTo("admin@boxoffice.local");
        assertThat(options.travelers()).isEqualTo(10_000);
        assertThat(options.concurrency()).isEqualTo(1_000);
        assertThat(options.maxDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.settleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.tokenBatch()).isEqualTo(1_000);
        assertThat(options.seed()).isEqualTo(42L);
        assertThat(options.journey().cancelRatio()).isEqualTo(0.1);
        assertThat(options.journey().maxFlights()).isEqualTo(5);
    }

    @Test
    void readsBothArgumentStyles() {
        var options = parse(
                Map.of(),
                "--base-url=http://127.0.0.1:9090/",
                "--admin-password",
                "secret",
                "--travelers=200",
                "--concurrency",
                "20",
                "--max-duration=90s",
                "--poll-interval=250ms",
                "--pending-timeout=PT2M",
                "--cancel-ratio=0.5",
                "--seed=7");

        assertThat(options.baseUrl()).hasToString("http://127.0.0.1:9090");
        assertThat(options.adminPassword().value()).isEqualTo("secret");
        assertThat(options.travelers()).isEqualTo(200);
        assertThat(options.concurrency()).isEqualTo(20);
        assertThat(options.maxDuration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.journey().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.journey().pendingTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.journey().cancelRatio()).isEqualTo(0.5);
        assertThat(options.seed()).isEqualTo(7L);
    }

    @Test
    void passwordComesFromTheArgumentThenTheEnvironmentThenTheServersFile() throws IOException {
        Files.createDirectories(repository.resolve(".mvn"));
        Files.createDirectories(repository.resolve("data"));
        Files.writeString(repository.resolve("data/admin-password"), "from-file\n");
        var environment = Map.of(OptionsParser.PASSWORD_VARIABLE, "from-environment");

        assertThat(parse(environment, "--admin-password=given").adminPassword().value())
                .isEqualTo("given");
        assertThat(parse(environment).adminPassword().value()).isEqualTo("from-environment");
        assertThat(parse(Map.of()).adminPassword().value()).isEqualTo("from-file");
    }

    @Test
    void passwordFileIsFoundFromAModuleDirectory() throws IOException {
        Files.createDirectories(repository.resolve(".mvn"));
        Files.createDirectories(repository.resolve("data"));
        Files.createDirectories(repository.resolve("loadtest"));
        Files.writeString(repository.resolve("data/admin-password"), "from-file");

        var options = new OptionsParser(Map.of(), repository.resolve("loadtest"), () -> 1L).parse(List.of());

        assertThat(options.adminPassword().value()).isEqualTo("from-file");
    }

    @Test
    void passwordNeverShowsInToString() {
        assertThat(parse(Map.of(), "--admin-password=hunter22").toString()).doesNotContain("hunter22");
    }

    @Test
    void missingPasswordSaysWhereToGetOne() {
        assertThatThrownBy(() -> parse(Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--admin-password")
                .hasMessageContaining(OptionsParser.PASSWORD_VARIABLE);
    }

    @Test
    void refusesUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password=x", "--travellers=10"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--travellers");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password=x", "--travelers=100000"))
                .hasMessageContaining("between 1 and 99999");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password=x", "--concurrency=lots"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password=x", "--max-duration=soon"))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password=x", "--cancel-ratio=1.5"))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password=x", "--base-url=ftp://localhost"))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password=x", "travelers=5"))
                .hasMessageContaining("--name=value");
        assertThatThrownBy(() -> parse(Map.of(), "--admin-password")).hasMessageContaining("needs a value");
    }

    @Test
    void adminEmailFallsBackToTheServersVariable() {
        var options = parse(Map.of(OptionsParser.EMAIL_VARIABLE, "ops@example.org"), "--admin-password=x");

        assertThat(options.adminEmail()).isEqualTo("ops@example.org");
    }

    @Test
    void durationsInShortAndIsoForm() {
        assertThat(OptionsParser.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(OptionsParser.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(OptionsParser.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(OptionsParser.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(OptionsParser.parseDuration("15 minutes")).isNull();
        assertThat(OptionsParser.parseDuration("99999999999s")).isNull();
    }

    @Test
    void usageListsEveryOptionWithItsDefault() {
        assertThat(OptionsParser.usage())
                .contains("--travelers")
                .contains("[10000]")
                .contains("--max-duration")
                .contains("[15m]");
    }
}
