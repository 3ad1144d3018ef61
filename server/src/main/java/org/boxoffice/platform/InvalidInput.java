package org.boxoffice.platform;

/** Input that is well-formed but makes no sense: {@code 422 VALIDATION}. */
public class InvalidInput extends ApiException {

    public InvalidInput(String detail) {
        super(422, "VALIDATION", detail);
    }
}
