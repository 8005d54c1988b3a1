/**
 * A local, stateful, wire-faithful Antom for card payments in hosted mode.
 *
 * <p>{@link org.payengine.simulator.AntomSimulator} is the embedding entry point (builder,
 * start/stop, keys for the client, programmatic control); {@link org.payengine.simulator.SimulatorCommand}
 * is the standalone command. The subpackages hold, from the wire inwards: {@code api} (Antom's
 * gateway and its seven APIs), {@code hosted} (the card page), {@code control} (the sandbox
 * control API), {@code payments} (Antom's state and rules, the test cards), {@code notify}
 * (notifications and their retry schedule), {@code fault} (fault injection), {@code clock}
 * (the simulated clock and its scheduler), {@code wire} (JSON, result codes, field validation) and
 * {@code crypto} (signatures, keys, the self-signed certificate). It depends on no engine module
 * and not on Antom's SDK.
 */
package org.payengine.simulator;
