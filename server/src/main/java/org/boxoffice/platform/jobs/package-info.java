/**
 * The scheduled jobs' own threads: every {@code @Scheduled} job of the application runs on a pool
 * of its own (never one thread for all, as Spring's virtual-thread scheduler does with fixed-delay
 * jobs), is measured (how late it starts, how long it runs) and may be paused by an operator.
 */
@NullMarked
package org.boxoffice.platform.jobs;

import org.jspecify.annotations.NullMarked;
