/**
 * The stream load tool: opens many live availability streams against a running server, checks
 * that each gets its first event and the update after one hold, and prints timings and the
 * server's memory. Start at {@link org.boxoffice.loadtest.streams.StreamLoadCommand}.
 */
@NullMarked
package org.boxoffice.loadtest.streams;

import org.jspecify.annotations.NullMarked;
