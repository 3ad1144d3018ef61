package org.boxoffice.demo;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code demo_seed} table: which demo parts exist. */
@Repository
class DemoSeeds {

    /** Any fixed number: the advisory lock that keeps two starting instances from seeding twice. */
    private static final long SEED_LOCK = 0x5EED_B0F1CEL;

    private final JdbcClient jdbc;

    DemoSeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other instance is seeding; released when the transaction ends. */
    void lockForThisTransaction() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", SEED_LOCK)
                .query()
                .singleValue();
    }

    boolean exists(String part) {
        return jdbc.sql("SELECT count(*) FROM demo_seed WHERE part = :part")
                        .param("part", part)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void add(String part, Instant now) {
        jdbc.sql("INSERT INTO demo_seed (part, seeded_at) VALUES (:part, :now)")
                .param("part", part)
                .param("now", Timestamp.from(now))
                .update();
    }
}
