package org.boxoffice.partner;

/**
 * Closes the airline's and every partner venue's circuit breaker, for integration tests of any
 * module: tests share one application context, so a breaker one test opened must not refuse the
 * next test's calls.
 */
public final class PartnerCircuitBreakers {

    private PartnerCircuitBreakers() {}

    public static void reset(Airline airline, PartnerVenues venues) {
        airline.calls().breaker().reset();
        venues.allCalls().forEach(calls -> calls.breaker().reset());
    }
}
