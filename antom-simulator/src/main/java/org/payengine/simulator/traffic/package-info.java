/** The gateway's traffic: calls counted per API, per-client rate limits per API, and Antom-like answer latency. */
package org.payengine.simulator.traffic;
