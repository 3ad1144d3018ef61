package org.boxoffice.catalog;

import java.util.UUID;

/** An administrator changed the event (status, sale window or rules); published inside the change's transaction. */
public record EventChanged(UUID eventId) {}
