package org.boxoffice.demo;

/** One piece of the demo catalog, created once in its own transaction. */
interface DemoPart {

    /** A stable name; once a part with this name was created, it is never created again. */
    String name();

    void create();
}
