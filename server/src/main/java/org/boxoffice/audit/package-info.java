/**
 * Checks, straight in the database, the rules that must hold whatever happened: no ticket sold
 * twice, every held or sold ticket in the right order, counts that add up, nothing left hanging.
 * Reads other modules' tables and changes nothing; no module depends on it.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
@NullMarked
package org.boxoffice.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
