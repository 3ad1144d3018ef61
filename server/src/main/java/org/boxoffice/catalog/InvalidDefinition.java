package org.boxoffice.catalog;

import java.util.List;
import java.util.Map;
import org.boxoffice.platform.InvalidInput;

/**
 * {@code 422 VALIDATION}: a venue, event or change that reads well but breaks the catalog's
 * rules (an unknown venue or zone, a sale window that ends before it starts...). The problem
 * document lists every broken rule under {@code errors}, as bean validation does.
 */
public class InvalidDefinition extends InvalidInput {

    private final List<Violation> violations;

    InvalidDefinition(List<Violation> violations) {
        super("The definition breaks a rule: " + violations.getFirst().field() + " "
                + violations.getFirst().message() + (violations.size() > 1 ? " (and more, see errors)." : "."));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of(
                "errors",
                violations.stream()
                        .map(violation -> Map.of("field", violation.field(), "message", violation.message()))
                        .toList());
    }

    /** One broken rule: where ({@code zones[2].code}) and what is wrong with it. */
    public record Violation(String field, String message) {}
}
