package org.boxoffice.eventstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublishingPositionTest {

    @Test
    void rowsInARowAreReady() {
        var position = new PublishingPosition(10);

        var ready = position.ready(List.of(row(11, 100, 105), row(12, 100, 105), row(13, 100, 105)));

        assertThat(ids(ready)).containsExactly(11L, 12L, 13L);
    }

    @Test
    void nothingAfterAGapGoesOutWhileItsTransactionMayStillCommit() {
        var position = new PublishingPosition(10);

        var first = position.ready(List.of(row(11, 100, 105), row(13, 100, 105)));
        var stillRunning = position.ready(List.of(row(13, 104, 108)));

        assertThat(ids(first)).containsExactly(11L);
        position.sent(11);
        assertThat(stillRunning).isEmpty();
    }

    @Test
    void aGapThatFillsGoesOutInItsPlace() {
        var position = new PublishingPosition(10);
        position.ready(List.of(row(12, 100, 105)));

        var filled = position.ready(List.of(row(11, 103, 106), row(12, 103, 106)));

        assertThat(ids(filled)).containsExactly(11L, 12L);
    }

    @Test
    void aGapIsGivenUpOnceEveryTransactionRunningWhenItWasSeenHasEnded() {
        var position = new PublishingPosition(10);
        position.ready(List.of(row(12, 100, 105)));

        var afterRollback = position.ready(List.of(row(12, 105, 107), row(14, 105, 107)));

        assertThat(ids(afterRollback)).as("11 given up, 13 newly missing").containsExactly(12L);
    }

    @Test
    void sentMovesThePositionAndForgetsTheGapsBehindIt() {
        var position = new PublishingPosition(10);
        position.ready(List.of(row(12, 100, 105)));
        position.ready(List.of(row(12, 105, 107)));

        position.sent(12);
        var next = position.ready(List.of(row(14, 106, 108)));

        assertThat(position.through()).isEqualTo(12);
        assertThat(next).as("13 is a new gap, with a horizon of its own").isEmpty();
    }

    private static OutboxFeed.Row row(long id, long oldestRunning, long firstUnstarted) {
        return new OutboxFeed.Row(
                id,
                "order",
                UUID.randomUUID(),
                "OrderHeld",
                UUID.randomUUID(),
                "{}",
                Instant.EPOCH,
                oldestRunning,
                firstUnstarted);
    }

    private static List<Long> ids(List<OutboxFeed.Row> rows) {
        return rows.stream().map(OutboxFeed.Row::id).toList();
    }
}
