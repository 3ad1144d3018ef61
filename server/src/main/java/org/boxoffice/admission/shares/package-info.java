/**
 * Each event's share of this instance: the requests about one event run at most so many at once,
 * so that another event's buyers do not queue behind its crowd for the JVM's carrier threads.
 */
@NullMarked
package org.boxoffice.admission.shares;

import org.jspecify.annotations.NullMarked;
