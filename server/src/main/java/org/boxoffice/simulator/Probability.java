package org.boxoffice.simulator;

/** Checks the rates the simulators are configured with. */
final class Probability {

    private Probability() {}

    static void require(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is a probability between 0 and 1: " + value);
        }
    }
}
