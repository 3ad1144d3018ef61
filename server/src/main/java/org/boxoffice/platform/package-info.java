/**
 * What every feature stands on: the embedded engines, problem documents, idempotency keys,
 * the clock and the data directory. Features use the types of this package only.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package org.boxoffice.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
