package org.boxoffice.platform;

/**
 * A reader of the outbox that must see every row, however late: the outbox keeps the rows it has
 * not read yet past the usual retention.
 */
public interface OutboxReaders {

    /** The highest outbox id this reader no longer needs; rows above it are kept. */
    long readThrough();
}
