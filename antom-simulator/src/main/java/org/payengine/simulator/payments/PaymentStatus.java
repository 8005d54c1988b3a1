package org.payengine.simulator.payments;

/** Antom's {@code paymentStatus} values that a card payment goes through. */
public enum PaymentStatus { PROCESSING, SUCCESS, FAIL, CANCELLED }
