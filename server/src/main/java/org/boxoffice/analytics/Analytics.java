package org.boxoffice.analytics;

import java.util.Objects;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventNotFound;
import org.boxoffice.catalog.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analytics module's face: an event's sales report, live but computed at most once a second
 * per event, and the streamed CSV export of its sold tickets. For administrators; drafts included.
 */
@Service
public class Analytics {

    private static final Viewer ADMINISTRATOR = new Viewer(null, true);

    private final Catalog catalog;
    private final PaidOrders paidOrders;
    private final RecentSalesReports recent;
    private final SalesCsv csv;
    private final TransactionTemplate snapshot;

    Analytics(
            Catalog catalog,
            PaidOrders paidOrders,
            RecentSalesReports recent,
            SalesCsv csv,
            PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.paidOrders = paidOrders;
        this.recent = recent;
        this.csv = csv;
        this.snapshot = readOnlySnapshot(transactions);
    }

    /**
     * The event's counts per zone (as the event detail shows them), revenue and per-minute
     * timeline, at most {@link AnalyticsSettings#salesFreshFor()} old.
     *
     * @throws EventNotFound when there is no such event
     */
    public SalesReport sales(UUID eventId) {
        return recent.get(eventId, () -> compute(eventId));
    }

    /**
     * The CSV export of the event's sold tickets, to be written when the caller is ready.
     *
     * @throws EventNotFound at once, before anything is written, when there is no such event
     */
    public SalesExport salesExport(UUID eventId) {
        sales(eventId);
        return out -> csv.write(eventId, out);
    }

    /** Counts and paid orders read in one snapshot, so that the zones' sold and revenue agree. */
    private SalesReport compute(UUID eventId) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            var event = catalog.event(eventId, ADMINISTRATOR);
            return SalesReports.of(event, paidOrders.slices(eventId));
        }));
    }

    private static TransactionTemplate readOnlySnapshot(PlatformTransactionManager transactions) {
        var snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return snapshot;
    }
}
