package org.boxoffice.analytics;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The CSV export of one event's sold tickets, not yet written: the event is known to exist, and
 * the rows are read from the database while they are written, a batch at a time.
 */
@FunctionalInterface
public interface SalesExport {

    /** Writes the header line and one line per sold ticket, as UTF-8; does not close {@code out}. */
    void writeTo(OutputStream out) throws IOException;
}
