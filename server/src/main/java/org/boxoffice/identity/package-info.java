/** Users, passwords, bearer tokens and roles. */
@ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
@NullMarked
package org.boxoffice.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
