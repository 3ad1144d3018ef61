package org.boxoffice.platform;

/** A resource that does not exist, or that the caller may not know exists. */
public class NotFound extends ApiException {

    public NotFound(String code, String detail) {
        super(404, code, detail);
    }
}
