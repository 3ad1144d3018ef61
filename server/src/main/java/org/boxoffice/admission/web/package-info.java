/** The waiting room's HTTP endpoints. */
@NullMarked
package org.boxoffice.admission.web;

import org.jspecify.annotations.NullMarked;
