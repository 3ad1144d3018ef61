package org.boxoffice.simulator;

import java.net.URI;

/**
 * Where the in-process simulators listen. The payment provider's API ({@code POST /payments},
 * {@code GET /payments?idempotencyKey=}, {@code POST /payments/{id}/refunds}) is at the root of
 * {@code baseUrl}; {@code /_control/payments} lets tests force its behaviour.
 */
public record SimulatorEndpoint(URI baseUrl) {}
