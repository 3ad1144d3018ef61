package org.boxoffice.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The CSV export of sold tickets: its lines, a give-away's "who got which code", and streaming. */
@BoxofficeIT
class SalesExportIT {

    private static final String HEADER = "orderId,ticketId,zone,seat,code,price,currency,userId,paidAt";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Analytics analytics;

    SalesEvents events;
    Buyers buyers;
    Api admin;

    @BeforeEach
    void setUp() {
        events = new SalesEvents(catalog);
        buyers = new Buyers(accounts, port);
        admin = buyers.admin();
    }

    @Test
    void theExportHasAHeaderAndOneLinePerSoldTicket() {
        var event = events.arena(10);
        var floor = buy(event, Map.of("eventId", event, "zone", "FLOOR", "quantity", 2));
        var stand = buy(event, Map.of("eventId", event, "seats", List.of("STAND-2-5")));
        var returned = buy(event, Map.of("eventId", event, "zone", "FLOOR", "quantity", 1));
        var cancelled = returned.buyer()
                .postOnce("/api/v1/orders/" + returned.order().get("id").asString() + "/cancel", Map.of());
        assertThat(cancelled.json().get("status").asString()).isEqualTo("REFUNDED");

        var reply = admin.get("/api/v1/admin/events/" + event + "/sales.csv");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/csv");
        assertThat(reply.header("Content-Disposition")).contains("sales-" + event + ".csv");
        var lines = lines(reply.body());
        assertThat(lines.getFirst()).isEqualTo(HEADER);
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines.subList(1, 4)).containsExactlyInAnyOrderElementsOf(expectedLines(floor, stand));
        assertThat(reply.body()).doesNotContain(returned.order().get("id").asString());
    }

    @Test
    void aGiveawayExportSaysWhoGotWhichCode() {
        var giveaway = events.giveaway(50);
        var taken = new ArrayList<Purchase>();
        for (int i = 0; i < 3; i++) {
            taken.add(buy(giveaway, Map.of("eventId", giveaway, "zone", "FLOOR", "quantity", 1)));
        }

        var lines = lines(
                admin.get("/api/v1/admin/events/" + giveaway + "/sales.csv").body());

        assertThat(lines.getFirst()).isEqualTo(HEADER);
        assertThat(lines.subList(1, lines.size()))
                .containsExactlyElementsOf(expectedLines(taken.toArray(Purchase[]::new)));
        var users = new HashSet<String>();
        for (var line : lines.subList(1, lines.size())) {
            var fields = line.split(",", -1);
            assertThat(fields[3]).as("seat").isEmpty();
            assertThat(fields[5]).as("price").isEqualTo("0");
            users.add(fields[7]);
        }
        assertThat(users).hasSize(3);
    }

    @Test
    void aLargeExportStreamsEveryLine() {
        int sold = 25_000;
        var event = events.arena(sold + 1_000);
        SoldInBulk.floor(jdbc, event, sold, 10, SalesEvents.FLOOR_PRICE);

        var reply = admin.get("/api/v1/admin/events/" + event + "/sales.csv");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Length"))
                .as("streamed, not sized up front")
                .isNull();
        var lines = lines(reply.body());
        assertThat(lines).hasSize(1 + sold);
        assertThat(lines.getLast())
                .matches("[-0-9a-f]{36},[-0-9a-f]{36},FLOOR,,BULK[0-9a-f]{32}," + SalesEvents.FLOOR_PRICE
                        + ",KZT,[-0-9a-f]{36},\\d{4}-.+Z");
        var report = admin.get("/api/v1/admin/events/" + event + "/sales").json();
        assertThat(report.get("totals").get("sold").asLong()).isEqualTo(sold);
        assertThat(report.get("totals").get("revenue").get("amount").asLong())
                .isEqualTo(sold * SalesEvents.FLOOR_PRICE);
    }

    /**
     * The first bytes go out while the database cursor is still open, with most rows not yet
     * read: the export never holds the whole result.
     */
    @Test
    void theFirstLinesAreWrittenBeforeTheRowsAreAllRead() throws IOException {
        var event = events.arena(5_000);
        SoldInBulk.floor(jdbc, event, 5_000, 10, SalesEvents.FLOOR_PRICE);
        var probe = new FirstWriteProbe(jdbc);

        analytics.salesExport(event).writeTo(probe);

        assertThat(probe.bytes).isGreaterThan(5_000L * 100);
        assertThat(probe.cursorsAtFirstWrite)
                .as("the export's cursor is open at the first write")
                .anyMatch(statement -> statement.contains("LEFT JOIN issued_ticket"));
    }

    private Purchase buy(UUID event, Map<String, Object> request) {
        var buyer = buyers.one();
        var order = buyer.postOnce("/api/v1/orders", request);
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        var body = order.json();
        if (!body.get("status").asString().equals("PAID")) {
            var paid = buyer.postOnce("/api/v1/orders/" + body.get("id").asString() + "/payments", Map.of());
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            body = paid.json();
        }
        return new Purchase(buyer, body);
    }

    private List<String> expectedLines(Purchase... purchases) {
        var expected = new ArrayList<String>();
        for (var purchase : purchases) {
            var order = purchase.order();
            var orderId = order.get("id").asString();
            // The stored paid_at: the order's answer shows the clock's nanoseconds, the database keeps micros.
            var stored = jdbc.sql("SELECT user_id, paid_at FROM customer_order WHERE id = :id")
                    .param("id", UUID.fromString(orderId))
                    .query((rs, row) -> List.of(
                            rs.getObject("user_id", UUID.class).toString(),
                            rs.getTimestamp("paid_at").toInstant().toString()))
                    .single();
            var userId = stored.get(0);
            var paidAt = stored.get(1);
            for (var ticket : order.get("tickets")) {
                expected.add(String.join(
                        ",",
                        orderId,
                        ticket.get("ticketId").asString(),
                        ticket.get("zone").asString(),
                        textOrEmpty(ticket.get("seat")),
                        ticket.get("code").asString(),
                        Long.toString(priceOf(order, ticket.get("ticketId").asString())),
                        "KZT",
                        userId,
                        paidAt));
            }
        }
        return expected;
    }

    private static long priceOf(JsonNode order, String ticketId) {
        for (var item : order.get("items")) {
            if (item.get("ticketId").asString().equals(ticketId)) {
                return item.get("price").get("amount").asLong();
            }
        }
        throw new AssertionError("No item for ticket " + ticketId);
    }

    private static String textOrEmpty(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }

    private static List<String> lines(String csv) {
        assertThat(csv).endsWith("\r\n");
        return List.of(csv.split("\r\n"));
    }

    private record Purchase(Api buyer, JsonNode order) {}

    /** Counts what is written and, at the first write, asks the export's own session for its open cursors. */
    private static final class FirstWriteProbe extends OutputStream {

        private final JdbcClient jdbc;
        long bytes;
        List<String> cursorsAtFirstWrite = List.of();

        FirstWriteProbe(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            if (bytes == 0) {
                // Runs inside the export's transaction, so on its connection: its cursor shows here.
                cursorsAtFirstWrite = jdbc.sql("SELECT statement FROM pg_cursors")
                        .query(String.class)
                        .list();
            }
            bytes += length;
        }
    }
}
