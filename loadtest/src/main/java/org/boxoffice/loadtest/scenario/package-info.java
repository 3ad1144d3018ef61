/**
 * The flight scenario runner: a crowd of demo travelers booking flights through the public HTTP
 * API of a running server, with latency figures and invariant checks at the end. Start at
 * {@link org.boxoffice.loadtest.scenario.FlightScenarioCommand}; the decisions a traveler makes
 * are all in {@link org.boxoffice.loadtest.scenario.JourneyPolicy}.
 */
@NullMarked
package org.boxoffice.loadtest.scenario;

import org.jspecify.annotations.NullMarked;
