/** The analytics HTTP endpoints, under {@code /api/v1/admin}: administrators only. */
@NullMarked
package org.boxoffice.analytics.web;

import org.jspecify.annotations.NullMarked;
