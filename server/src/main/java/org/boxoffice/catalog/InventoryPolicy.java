package org.boxoffice.catalog;

/** Where an event's tickets come from, as visitors see it: {@code {"mode": "OWNED"}}. */
public record InventoryPolicy(InventoryMode mode) {}
