/** Faults injected into the next API answers or notifications. */
package org.payengine.simulator.fault;
