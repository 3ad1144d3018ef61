package org.boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxCursorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final OutboxCursor cursor = new OutboxCursor(10, Duration.ofSeconds(10));

    @Test
    void movesToTheHighestIdRead() {
        cursor.read(List.of(13, 11, 12).stream().map(Long::valueOf).toList(), NOW);

        assertThat(cursor.position()).isEqualTo(13);
        assertThat(cursor.gaps(NOW)).isEmpty();
    }

    @Test
    void idsSkippedOverAreLookedForAgain() {
        cursor.read(List.of(11L, 14L), NOW);

        assertThat(cursor.position()).isEqualTo(14);
        assertThat(cursor.gaps(NOW)).containsExactly(12L, 13L);
    }

    @Test
    void aGapThatShowsUpIsClosed() {
        cursor.read(List.of(11L, 14L), NOW);

        cursor.read(List.of(13L), NOW.plusMillis(100));

        assertThat(cursor.gaps(NOW.plusMillis(100))).containsExactly(12L);
        assertThat(cursor.position()).isEqualTo(14);
    }

    @Test
    void aGapIsForgottenAfterPatience() {
        cursor.read(List.of(12L), NOW);

        assertThat(cursor.gaps(NOW.plusSeconds(9))).containsExactly(11L);
        assertThat(cursor.gaps(NOW.plusSeconds(11))).isEmpty();
    }

    @Test
    void aHugeJumpRemembersOnlyTheNewestGaps() {
        cursor.read(List.of(1_000_000L), NOW);

        var gaps = cursor.gaps(NOW);
        assertThat(gaps).hasSize(OutboxCursor.MAX_GAPS);
        assertThat(gaps.getLast()).isEqualTo(999_999L);
    }

    @Test
    void rowsAtOrBelowThePositionChangeNothing() {
        cursor.read(List.of(9L, 10L), NOW);

        assertThat(cursor.position()).isEqualTo(10);
        assertThat(cursor.gaps(NOW)).isEmpty();
    }
}
