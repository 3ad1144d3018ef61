/**
 * Stand-ins for the external systems the engine talks to, served over real HTTP on their own
 * port, each with configurable latency and failures and a control API for tests: the card-payment
 * provider (idempotency keys, refunds, signed webhooks), the airline's old reservation system
 * (reservation keys, cancellation, lookup) and partner venues' box offices (seats sold at their
 * own box office, holds, sales, releases). They keep their state in memory, as the real systems
 * would keep it out of our reach. Started in-process by default ({@code boxoffice.simulator.enabled}), or on
 * their own with {@link org.boxoffice.simulator.Simulators#main}. Other modules only learn where
 * they listen ({@link org.boxoffice.simulator.SimulatorEndpoint}); they talk to them over HTTP.
 */
@ApplicationModule(displayName = "Simulators", allowedDependencies = "platform")
@NullMarked
package org.boxoffice.simulator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
