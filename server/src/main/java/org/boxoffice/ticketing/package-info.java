/** E-tickets: unguessable codes, Ed25519-signed QR payloads, and check-in at the door. */
@ApplicationModule(
        displayName = "Ticketing",
        allowedDependencies = {"identity", "platform"})
@NullMarked
package org.boxoffice.ticketing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
