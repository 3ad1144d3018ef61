/** The demo catalog: a stadium, 200 flights, 10,000 travelers, a cinema and a give-away. */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"catalog", "identity", "platform"})
@NullMarked
package org.boxoffice.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
