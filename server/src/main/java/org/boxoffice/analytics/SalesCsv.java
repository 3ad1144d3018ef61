package org.boxoffice.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
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

    private final PaidOrders paidOrders;
    private final AnalyticsSettings settings;

    SalesCsv(PaidOrders paidOrders, AnalyticsSettings settings) {
        this.paidOrders = paidOrders;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    void write(UUID eventId, OutputStream out) throws IOException {
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
