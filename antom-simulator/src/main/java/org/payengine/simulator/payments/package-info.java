/** Antom's state and rules for card payments: payments, captures, refunds, card tokens, the test cards, expiry and the capture window. */
package org.payengine.simulator.payments;
