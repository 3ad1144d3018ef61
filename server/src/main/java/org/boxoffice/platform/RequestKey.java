package org.boxoffice.platform;

/**
 * The {@code Idempotency-Key} of a request whose handler settles the key itself, in the same
 * transaction as the work it guards, instead of in two transactions of its own around the request
 * (see {@link RequestKeys}). The idempotency filter hands it to the handler as the request
 * attribute {@link #ATTRIBUTE}; the handler only passes it on.
 */
public interface RequestKey {

    String ATTRIBUTE = "org.boxoffice.platform.RequestKey";
}
