package org.boxoffice.loadtest.scenario;

/** What all journeys of a run share. */
record JourneyContext(
        BoxofficeApi api,
        FlightBoard board,
        JourneyPolicy policy,
        Tally tally,
        OrderLedger ledger,
        Deadline deadline) {}
