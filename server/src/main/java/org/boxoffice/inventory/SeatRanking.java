package org.boxoffice.inventory;

/**
 * The best-available order of a seated zone: front rows first, and within a row the seats
 * nearest the centre first (the left one of two equally good seats first). "Best N in a zone"
 * takes the N lowest ranks.
 */
final class SeatRanking {

    private SeatRanking() {}

    /**
     * Where seat {@code number} (1-based) of a row of {@code seats} comes in the centre-out order
     * of that row, starting at 0.
     */
    static int positionInRow(int number, int seats) {
        // Twice the distance to the centre, so that rows of even length stay in integers.
        int doubledDistance = Math.abs(2 * number - (seats + 1));
        boolean rightOfCentre = 2 * number > seats + 1;
        int side = rightOfCentre ? 1 : 0;
        if (seats % 2 == 1) {
            // Odd rows: one centre seat, then pairs at distance 1, 2, ...
            int distance = doubledDistance / 2;
            return distance == 0 ? 0 : 2 * distance - 1 + side;
        }
        // Even rows: pairs at distance 1/2, 3/2, ...
        int pair = (doubledDistance - 1) / 2;
        return 2 * pair + side;
    }
}
