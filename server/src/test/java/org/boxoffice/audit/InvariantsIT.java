package org.boxoffice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@BoxofficeIT
class InvariantsIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Invariants invariants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void administratorsSeeTheReport() {
        var buyers = new Buyers(accounts, port);
        // Other tests fake sold tickets straight in the database, so the check is of the stadium.
        var stadium = Api.at(port)
                .get("/api/v1/events?kind=CONCERT&q=Celeste")
                .json()
                .get("items")
                .get(0);
        var report = buyers.admin()
                .get("/api/v1/admin/invariants?eventId=" + stadium.get("id").asString());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("ok").asBoolean()).as(report.body()).isTrue();
        assertThat(report.json().get("violations").get("ticketsInTwoLiveOrders").asLong())
                .isZero();
        assertThat(buyers.one().get("/api/v1/admin/invariants").status()).isEqualTo(403);
        assertThat(Api.at(port).get("/api/v1/admin/invariants?eventId=nope").status())
                .isIn(400, 401);
    }

    @Test
    void aSoldTicketWithoutItsOrderIsReported() {
        assertReportedWhileATicketIs(
                "status = 'SOLD', order_id = :order", InvariantReport.Violations::soldTicketsWithoutPaidOrder);
    }

    @Test
    void aHeldTicketWithoutALiveOrderIsReported() {
        assertReportedWhileATicketIs(
                "status = 'HELD', order_id = :order, held_until = now() + interval '1 hour'",
                InvariantReport.Violations::heldTicketsWithoutLiveOrder);
    }

    /** One free ticket of the giveaway changed by {@code set} (an order that does not exist), then put back. */
    private void assertReportedWhileATicketIs(String set, ToLongFunction<InvariantReport.Violations> violation) {
        var giveaway = jdbc.sql("SELECT id FROM event WHERE kind = 'ACTIVITY' ORDER BY created_at LIMIT 1")
                .query(UUID.class)
                .single();
        var ticket = jdbc.sql("SELECT id FROM ticket WHERE event_id = :event AND status = 'AVAILABLE' LIMIT 1")
                .param("event", giveaway)
                .query(UUID.class)
                .single();
        jdbc.sql("UPDATE ticket SET " + set + " WHERE event_id = :event AND id = :ticket")
                .params(Map.of("order", UUID.randomUUID(), "event", giveaway, "ticket", ticket))
                .update();
        try {
            var report = invariants.check(giveaway);
            assertThat(report.ok()).isFalse();
            assertThat(violation.applyAsLong(report.violations())).isEqualTo(1);
        } finally {
            jdbc.sql("""
                            UPDATE ticket SET status = 'AVAILABLE', order_id = NULL, held_until = NULL
                            WHERE event_id = :event AND id = :ticket""").params(Map.of("event", giveaway, "ticket", ticket)).update();
        }
        assertThat(invariants.check(giveaway).ok()).isTrue();
    }
}
