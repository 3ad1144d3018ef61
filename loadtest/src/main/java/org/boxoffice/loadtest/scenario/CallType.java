package org.boxoffice.loadtest.scenario;

/** The kinds of call the runner makes, each with its own latency figures in the report. */
enum CallType {
    LOGIN("login"),
    MINT_TOKENS("mint tokens"),
    LIST_FLIGHTS("list flights"),
    HOLD("hold"),
    PAY("pay"),
    POLL("poll"),
    CANCEL("cancel"),
    READ_FLIGHT("read flight"),
    INVARIANTS("invariants");

    private final String label;

    CallType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
