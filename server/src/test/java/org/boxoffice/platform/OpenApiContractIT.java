package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description at {@code /v3/api-docs} is the contract clients generate from: every
 * endpoint of API.md ({@code docs/api.md}) is in it, every operation has a summary and documents
 * its refusals as problem documents with their codes, and the headers API.md names are there.
 */
@BoxofficeIT
class OpenApiContractIT {

    private static final Pattern ENDPOINT =
            Pattern.compile("^\\| (GET|POST|PUT|PATCH|DELETE) \\| `([^`]+)`", Pattern.MULTILINE);

    /** API.md endpoints of features not built yet, by issue; remove one when it is built. */
    private static final Set<String> NOT_BUILT_YET = Set.of(
            // issue 15: waitlist and exchanges
            "POST /api/v1/events/{}/waitlist",
            "GET /api/v1/me/waitlist",
            "DELETE /api/v1/events/{}/waitlist/{}",
            "POST /api/v1/orders/{}/exchange",
            // issue 16: box office, promotions, coupons
            "POST /api/v1/box-office/orders",
            "POST /api/v1/box-office/orders/{}/payments",
            "POST /api/v1/box-office/orders/{}/cancel",
            "GET /api/v1/box-office/orders",
            "POST /api/v1/admin/promotions",
            "DELETE /api/v1/admin/promotions/{}",
            "GET /api/v1/promotions",
            "GET /api/v1/admin/promotions/{}",
            "POST /api/v1/admin/events/{}/coupons",
            "GET /api/v1/admin/events/{}/coupons");

    @LocalServerPort
    int port;

    JsonNode description;

    @BeforeEach
    void readTheDescription() {
        var answer = Api.at(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        description = answer.json();
    }

    /**
     * docs/openapi.json is what the generated client (the client module) is built from: it must
     * be the server's own description. When it is not, the server's is written to
     * target/openapi.json, to be copied over it.
     */
    @Test
    void theCommittedDescriptionIsTheServersOwn() throws IOException {
        var own = comparable(description);
        var committedFile = Path.of("..", "docs", "openapi.json");
        var committed = Files.exists(committedFile) ? comparable(Api.json(Files.readString(committedFile))) : null;
        if (!own.equals(committed)) {
            Files.writeString(Path.of("target", "openapi.json"), own.toPrettyString());
        }

        assertThat(own)
                .as("docs/openapi.json differs from /v3/api-docs: copy server/target/openapi.json over it")
                .isEqualTo(committed);
    }

    @Test
    void everyEndpointOfTheContractIsDescribed() throws IOException {
        var contract = endpointsOf(Files.readString(Path.of("..", "docs", "api.md")));
        var described = describedEndpoints();

        var missing = new TreeSet<>(contract);
        missing.removeAll(described);

        assertThat(contract).hasSizeGreaterThan(30);
        assertThat(missing).as("endpoints of API.md missing from /v3/api-docs").isEqualTo(new TreeSet<>(NOT_BUILT_YET));
    }

    @Test
    void everyOperationHasASummaryAndDocumentsItsProblems() {
        var withoutSummary = new ArrayList<String>();
        var withoutProblems = new ArrayList<String>();
        operations().forEach(operation -> {
            if (operation.node().path("summary").asString("").isBlank()) {
                withoutSummary.add(operation.name());
            }
            var problems = new ArrayList<String>();
            operation.node().path("responses").properties().forEach(response -> {
                if (response.getValue().path("content").has("application/problem+json")) {
                    problems.add(response.getKey());
                }
            });
            if (problems.stream().noneMatch(status -> status.startsWith("4") || status.startsWith("5"))) {
                withoutProblems.add(operation.name());
            }
        });

        assertThat(withoutSummary).isEmpty();
        assertThat(withoutProblems).isEmpty();
    }

    @Test
    void aHoldDocumentsItsRefusalsAndHeaders() {
        var hold = description.path("paths").path("/api/v1/orders").path("post");

        assertThat(codes(hold, "409"))
                .contains("SOLD_OUT", "ORDER_LIMIT", "SEATS_UNAVAILABLE", "IDEMPOTENCY_KEY_IN_USE");
        assertThat(codes(hold, "403")).contains("NOT_ADMITTED");
        assertThat(codes(hold, "503")).contains("PROVIDER_UNAVAILABLE", "OVERLOADED", "DATABASE_UNAVAILABLE");
        assertThat(hold.path("responses").path("503").path("headers").has("Retry-After"))
                .isTrue();
        assertThat(hold.path("responses").path("429").path("headers").has("Retry-After"))
                .isTrue();
        var headers = new ArrayList<String>();
        hold.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asString())) {
                headers.add(parameter.path("name").asString()
                        + (parameter.path("required").asBoolean() ? "!" : ""));
            }
        });
        assertThat(headers).contains("Idempotency-Key!", "X-Admission-Token");
        assertThat(hold.path("responses")
                        .path("409")
                        .path("content")
                        .path("application/problem+json")
                        .path("examples")
                        .has("SOLD_OUT"))
                .isTrue();
    }

    @Test
    void theSeatMapDocumentsItsEntityTag() {
        var seats =
                description.path("paths").path("/api/v1/events/{eventId}/seats").path("get");

        assertThat(seats.path("responses").has("304")).isTrue();
        assertThat(codes(seats, "404")).contains("EVENT_NOT_FOUND");
    }

    /** The description without what differs between runs and contexts: the server's URL, test probes. */
    private static JsonNode comparable(JsonNode description) {
        var copy = (ObjectNode) description.deepCopy();
        copy.remove("servers");
        var paths = (ObjectNode) copy.path("paths");
        var probes = new ArrayList<String>();
        paths.propertyNames().forEach(path -> {
            if (path.startsWith("/test/")) {
                probes.add(path);
            }
        });
        probes.forEach(paths::remove);
        return copy;
    }

    private static Set<String> endpointsOf(String contract) {
        var endpoints = new TreeSet<String>();
        ENDPOINT.matcher(contract).results().forEach(match -> {
            var path = match.group(2).replaceFirst("\\?.*", "");
            endpoints.add(match.group(1) + " " + normalized(path.startsWith("/api/") ? path : "/api/v1" + path));
        });
        return endpoints;
    }

    private Set<String> describedEndpoints() {
        var endpoints = new TreeSet<String>();
        operations().forEach(operation -> endpoints.add(operation.name()));
        return endpoints;
    }

    record Operation(String name, JsonNode node) {}

    private List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        for (var path : description.path("paths").properties()) {
            // The test context's own probe endpoints (under /test/) are no part of the API.
            if (path.getKey().startsWith("/test/")) {
                continue;
            }
            for (var method : path.getValue().properties()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    var name = method.getKey().toUpperCase(Locale.ROOT) + " " + normalized(path.getKey());
                    operations.add(new Operation(name, method.getValue()));
                }
            }
        }
        return operations;
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static List<String> codes(JsonNode operation, String status) {
        var codes = new ArrayList<String>();
        operation
                .path("responses")
                .path(status)
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("properties")
                .path("code")
                .path("enum")
                .forEach(code -> codes.add(code.asString()));
        return codes;
    }
}
