package org.boxoffice.catalog;

import java.util.ArrayList;
import java.util.List;

/** Collects the rules a definition breaks, so that one answer names all of them (up to a limit). */
final class Violations {

    private static final int MAX_REPORTED = 20;

    private final List<InvalidDefinition.Violation> found = new ArrayList<>();

    /** Records a violation unless {@code holds}; returns {@code holds}. */
    boolean check(boolean holds, String field, String message) {
        if (!holds) {
            add(field, message);
        }
        return holds;
    }

    void add(String field, String message) {
        if (found.size() < MAX_REPORTED) {
            found.add(new InvalidDefinition.Violation(field, message));
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidDefinition(found);
        }
    }
}
