package org.boxoffice.inventory;

/**
 * The live state of one zone. An expired hold already counts as available: readers never wait
 * for the sweeper.
 */
public record ZoneCount(long available, long held, long sold, long notForSale) {

    public static final ZoneCount EMPTY = new ZoneCount(0, 0, 0, 0);

    /** Tickets for sale in any state: available + held + sold. */
    public long capacity() {
        return available + held + sold;
    }

    /** The same zone with {@code seats} of its available tickets sold through another channel. */
    public ZoneCount soldElsewhere(long seats) {
        return new ZoneCount(available - seats, held, sold + seats, notForSale);
    }

    /** Held and sold tickets, the "booked" of demand pricing. */
    public long booked() {
        return held + sold;
    }
}
