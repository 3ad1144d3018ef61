/** The catalog's HTTP endpoints: public event reads and the administrators' venue and event endpoints. */
@NullMarked
package org.boxoffice.catalog.web;

import org.jspecify.annotations.NullMarked;
