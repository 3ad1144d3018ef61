package org.boxoffice.simulator;

/** What a merchant asks the provider to charge; {@code reference} is the merchant's order id. */
record ChargeCommand(String idempotencyKey, String reference, long amount, String currency) {}
