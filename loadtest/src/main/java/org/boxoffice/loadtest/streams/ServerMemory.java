package org.boxoffice.loadtest.streams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** What the server uses: its resident memory (by pid, same machine) and JVM figures from Actuator. */
final class ServerMemory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final long pid;
    private final Path scrapeTokenFile;

    /** {@code scrapeTokenFile}: the server's {@code data/metrics-scrape-token}; Actuator's metrics need it. */
    ServerMemory(HttpClient http, String baseUrl, long pid, Path scrapeTokenFile) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.pid = pid;
        this.scrapeTokenFile = scrapeTokenFile;
    }

    String describe() {
        return "RSS " + rss() + ", heap used " + metric("jvm.memory.used?tag=area:heap", 1 << 20, " MB")
                + ", non-heap used " + metric("jvm.memory.used?tag=area:nonheap", 1 << 20, " MB")
                + ", live platform threads " + metric("jvm.threads.live", 1, "")
                + ", open streams " + metric("boxoffice.live.streams", 1, "");
    }

    private String rss() {
        if (pid <= 0) {
            return "- (no --pid)";
        }
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB")
                    .findFirst()
                    .orElse("-");
        } catch (IOException e) {
            return "- (" + e.getMessage() + ")";
        }
    }

    private String metric(String nameAndTag, long divisor, String unit) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/" + nameAndTag))
                    .timeout(Duration.ofSeconds(10))
                    .header(
                            "Authorization",
                            "Bearer " + Files.readString(scrapeTokenFile).strip())
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "-";
            }
            double value = JSON.readTree(response.body())
                    .get("measurements")
                    .get(0)
                    .get("value")
                    .asDouble();
            return Math.round(value / divisor) + unit;
        } catch (IOException | RuntimeException e) {
            return "-";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-";
        }
    }
}
