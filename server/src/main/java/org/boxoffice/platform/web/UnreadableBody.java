package org.boxoffice.platform.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Says in one sentence why a body could not be read, without leaking class names. */
final class UnreadableBody {

    private UnreadableBody() {}

    static String describe(HttpMessageNotReadableException e) {
        var cause = e.getMostSpecificCause();
        if (cause instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid value for " + path(invalid) + ".";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "The value of " + path(mismatched) + " has the wrong type or is missing.";
        }
        if (cause instanceof DatabindException bind) {
            return "The body does not fit: " + path(bind) + ".";
        }
        if (cause instanceof JacksonException) {
            return "The body is not valid JSON.";
        }
        return "The request body is missing or unreadable.";
    }

    private static String path(DatabindException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }
}
