package org.boxoffice.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the sold tickets of an event as CSV while reading them: one read-only transaction holds
 * the database cursor, and at most one fetch of rows and one buffer of text are in memory at a
 * time, however many tickets the event sold.
 */
@Component
class SalesCsv {

    static final String[] HEADER = {
        "orderId", "ticketId", "zone", "seat", "code", "price", "currency", "userId", "paidAt"
    };

    private static final int BUFFER_CHARS = 1 << 16;

    /**
     * The export's transaction stays open while the client reads; a slow reader leaves it idle
     * between fetches for longer than the server's usual idle-in-transaction timeout allows.
     */
    private static final String SLOW_READER = "SET LOCAL idle_in_transaction_session_timeout = '10min'";

    /**
     * The first fetch of a large event sorts all its sold tickets, which may take longer than the
     * server's usual statement timeout; it stays below the driver's socket timeout (60 s).
     */
    private static final String LARGE_SORT = "SET LOCAL statement_timeout = '50s'";

    private final PaidOrders paidOrders;
    private final AnalyticsSettings settings;
    private final JdbcClient jdbc;

    SalesCsv(PaidOrders paidOrders, AnalyticsSettings settings, JdbcClient jdbc) {
        this.paidOrders = paidOrders;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    void write(UUID eventId, OutputStream out) throws IOException {
        jdbc.sql(SLOW_READER).update();
        jdbc.sql(LARGE_SORT).update();
        var text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        var csv = new CsvWriter(text);
        csv.record(Arrays.asList(HEADER));
        try {
            paidOrders.eachSoldTicket(eventId, settings.exportFetchSize(), ticket -> line(csv, ticket));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static void line(CsvWriter csv, SoldTicket ticket) {
        try {
            csv.record(Arrays.asList(
                    ticket.orderId(),
                    ticket.ticketId(),
                    ticket.zone(),
                    ticket.seat(),
                    ticket.code(),
                    ticket.price(),
                    ticket.currency(),
                    ticket.userId(),
                    ticket.paidAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
