/**
 * The buyers of the fault drills in {@code loadtest/drills/}: they hold and pay through the
 * public API while a drill kills the server or stops an engine, record every order they saw
 * {@code PAID}, and check afterwards that the server and the payment provider agree with them.
 */
@NullMarked
package org.boxoffice.loadtest.drills;

import org.jspecify.annotations.NullMarked;
