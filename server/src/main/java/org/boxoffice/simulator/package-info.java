/**
 * Stand-ins for the external systems the engine talks to, served over real HTTP on their own
 * port: the card-payment provider, with configurable latency and failures, idempotency keys,
 * refunds and signed webhooks. They keep their state in memory, as the real systems would keep
 * it out of our reach. Started in-process by default ({@code boxoffice.simulator.enabled}), or on
 * their own with {@link org.boxoffice.simulator.Simulators#main}. Other modules only learn where
 * they listen ({@link org.boxoffice.simulator.SimulatorEndpoint}); they talk to them over HTTP.
 */
@ApplicationModule(displayName = "Simulators", allowedDependencies = "platform")
@NullMarked
package org.boxoffice.simulator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
