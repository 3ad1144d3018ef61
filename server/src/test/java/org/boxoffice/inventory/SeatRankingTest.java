package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeatRankingTest {

    @Test
    void anOddRowStartsAtItsCentreSeatAndWorksOutwardsLeftFirst() {
        assertThat(centreOutOrder(5)).containsExactly(3, 2, 4, 1, 5);
    }

    @Test
    void anEvenRowStartsWithTheTwoMiddleSeats() {
        assertThat(centreOutOrder(6)).containsExactly(3, 4, 2, 5, 1, 6);
    }

    @Test
    void aSingleSeatRowHasOnePosition() {
        assertThat(SeatRanking.positionInRow(1, 1)).isZero();
    }

    @Test
    void everyRowLengthGivesEachSeatItsPlaceInTheCentreOutOrder() {
        for (int seats = 1; seats <= SeatRow.MAX_SEATS; seats++) {
            int length = seats;
            // Sort seats by distance to the centre, left first on a tie: the order the ranking promises.
            var expected = IntStream.rangeClosed(1, length)
                    .boxed()
                    .sorted(Comparator.comparingDouble((Integer n) -> Math.abs(n - (length + 1) / 2.0))
                            .thenComparing(n -> n))
                    .toList();
            assertThat(centreOutOrder(length)).as("row of %d seats", length).containsExactlyElementsOf(expected);
        }
    }

    /** The seat numbers of a row, in the order of their position. */
    private static Integer[] centreOutOrder(int seats) {
        var order = new Integer[seats];
        for (int number = 1; number <= seats; number++) {
            order[SeatRanking.positionInRow(number, seats)] = number;
        }
        return order;
    }
}
