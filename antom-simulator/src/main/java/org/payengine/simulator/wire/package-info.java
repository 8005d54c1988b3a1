/** Antom's wire conventions: JSON, result envelopes, amounts, datetimes and field validation. */
package org.payengine.simulator.wire;
