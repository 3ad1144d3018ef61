package org.boxoffice.loadtest.scenario;

/** The run cannot go on (the server refuses the admin, has no flights, ...): exit code 2. */
final class ScenarioFailure extends RuntimeException {

    ScenarioFailure(String message) {
        super(message);
    }
}
