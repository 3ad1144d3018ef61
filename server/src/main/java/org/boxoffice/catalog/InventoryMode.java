package org.boxoffice.catalog;

/** Who decides which tickets of an event may be sold. */
public enum InventoryMode {
    /** The engine owns every ticket. */
    OWNED,
    /** A partner's system (a cinema's) is asked before a hold; seats it sold itself show as sold. */
    PARTNER,
    /** Only an allocated quota of zones and seats is for sale; the rest is never sold here. */
    QUOTA
}
