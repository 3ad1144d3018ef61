/** The order and its rules, in plain Java: no framework, no database. */
@NullMarked
package org.boxoffice.ordering.domain;

import org.jspecify.annotations.NullMarked;
