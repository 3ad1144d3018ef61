package org.boxoffice.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random port against the embedded engines. Every engine-backed test uses
 * this one annotation and nothing that changes the context, so the test JVM builds the context
 * (and starts PostgreSQL and Redis) once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface BoxofficeIT {}
