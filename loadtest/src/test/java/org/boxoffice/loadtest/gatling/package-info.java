/**
 * Gatling simulations (Java DSL) against a running server: {@link
 * org.boxoffice.loadtest.gatling.BaselineSimulation} (the cheapest request), {@link
 * org.boxoffice.loadtest.gatling.ReadsSimulation} (event detail and seat map) and {@link
 * org.boxoffice.loadtest.gatling.FlashSaleSimulation} (the stadium sold out, then checked by
 * {@link org.boxoffice.loadtest.gatling.StadiumAudit}). They live in the test sources because the
 * Gatling Maven plugin runs simulations from there; none of them is a unit test, and {@code
 * ./mvnw verify} never runs one.
 */
@NullMarked
package org.boxoffice.loadtest.gatling;

import org.jspecify.annotations.NullMarked;
