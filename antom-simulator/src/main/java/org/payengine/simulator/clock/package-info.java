/** The simulated clock and the scheduler that runs work at simulated instants. */
package org.payengine.simulator.clock;
