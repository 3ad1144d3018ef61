package org.boxoffice.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.boxoffice.platform.ProblemCodes;
import org.boxoffice.platform.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * Problem documents in the OpenAPI description: a {@code Problem} schema, and on every
 * operation one {@code application/problem+json} answer per status it can refuse with, its
 * {@code code} enumerated ({@link ProblemCodes} plus the answers every endpoint can give), with
 * {@code Retry-After} on {@code 429} and {@code 503}. A client generated from the description
 * thus knows {@code SOLD_OUT} from {@code ORDER_LIMIT}.
 */
@Configuration(proxyBeanMethods = false)
class ProblemDocumentation {

    static final String PROBLEM = "application/problem+json";
    private static final String SCHEMA = "#/components/schemas/Problem";
    private static final List<String> EVERYWHERE = List.of("503 DATABASE_UNAVAILABLE", "503 OVERLOADED");
    private static final List<String> ON_WRITES =
            List.of("400 VALIDATION", "413 PAYLOAD_TOO_LARGE", "422 VALIDATION", "429 RATE_LIMITED");
    private static final Map<Integer, String> REASONS = Map.of(
            400, "Bad request",
            401, "Not authenticated",
            402, "Payment declined",
            403, "Not allowed",
            404, "Not found",
            409, "Refused: the state does not allow it",
            413, "Body too large",
            422, "Invalid input",
            429, "Too many requests",
            503, "Unavailable for now; try again after Retry-After");

    @Bean
    OpenApiCustomizer problemSchema() {
        return api -> api.getComponents().addSchemas("Problem", problem());
    }

    @Bean
    OperationCustomizer problemAnswers() {
        return (operation, handler) -> {
            documentProblems(operation, codesOf(operation, handler));
            return operation;
        };
    }

    private static Set<String> codesOf(Operation operation, HandlerMethod handler) {
        var codes = new LinkedHashSet<String>();
        var declared = handler.getMethodAnnotation(ProblemCodes.class);
        if (declared != null) {
            codes.addAll(List.of(declared.value()));
        }
        if (operation.getRequestBody() != null) {
            codes.addAll(ON_WRITES);
        }
        codes.addAll(EVERYWHERE);
        return codes;
    }

    private static void documentProblems(Operation operation, Set<String> codes) {
        var byStatus = new TreeMap<Integer, List<String>>();
        for (var entry : codes) {
            var parts = entry.split(" ", 2);
            byStatus.computeIfAbsent(Integer.parseInt(parts[0]), status -> new ArrayList<>())
                    .add(parts[1]);
        }
        byStatus.forEach((status, statusCodes) ->
                operation.getResponses().addApiResponse(String.valueOf(status), answer(status, statusCodes)));
    }

    private static ApiResponse answer(int status, List<String> codes) {
        var schema = new ObjectSchema()
                .allOf(List.of(new Schema<>().$ref(SCHEMA)))
                .addProperty("code", new StringSchema()._enum(codes));
        var media = new MediaType().schema(schema);
        var examples = new LinkedHashMap<String, Example>();
        codes.forEach(code -> examples.put(code, new Example().value(example(status, code))));
        media.setExamples(examples);
        var answer = new ApiResponse()
                .description(REASONS.getOrDefault(status, "Refused") + ": " + String.join(", ", codes))
                .content(new Content().addMediaType(PROBLEM, media));
        if (status == 429 || status == 503) {
            answer.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before trying again")
                            .schema(new IntegerSchema()));
        }
        return answer;
    }

    private static Map<String, Object> example(int status, String code) {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", Problems.typeOf(code).toString());
        example.put("title", REASONS.getOrDefault(status, "Refused"));
        example.put("status", status);
        example.put("detail", "…");
        example.put("code", code);
        return example;
    }

    private static Schema<?> problem() {
        var problem = new ObjectSchema();
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem.description("An RFC 9457 problem document with a stable code")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema().description("Stable, upper case: what went wrong"));
    }
}
