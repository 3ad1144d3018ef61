package org.boxoffice.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an endpoint answers, written as API.md writes them: {@code "409 SOLD_OUT"}. The
 * OpenAPI description lists each status as an {@code application/problem+json} answer whose
 * {@code code} is one of those given, with an example; the answers every endpoint can give (a
 * database that cannot be reached, shed load, rate limits and bad input on writes) are added
 * to all of them.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemCodes {

    /** {@code "<status> <CODE>"}, e.g. {@code "404 EVENT_NOT_FOUND"}. */
    String[] value();
}
