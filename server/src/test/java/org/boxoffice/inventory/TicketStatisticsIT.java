package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BoxofficeIT
class TicketStatisticsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewEventsPartitionIsAnalyzedOnceItsTicketsAreCommitted() throws InterruptedException {
        var partition = jdbc.sql("""
                        SELECT t.tableoid::regclass::text FROM ticket t JOIN event e ON e.id = t.event_id
                        WHERE e.title LIKE 'Celeste Moreira%' LIMIT 1
                        """).query(String.class).single();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!analyzed(partition) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertThat(analyzed(partition))
                .as(partition + " analyzed after the demo stadium was created")
                .isTrue();
    }

    private boolean analyzed(String partition) {
        return jdbc.sql("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = :partition")
                .param("partition", partition)
                .query(Boolean.class)
                .single();
    }
}
