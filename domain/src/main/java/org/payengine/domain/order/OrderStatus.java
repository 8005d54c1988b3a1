package org.payengine.domain.order;

/** The status of an order, derived from its attempts (see {@link OrderSnapshot#status()}). */
public enum OrderStatus {
    /** Nothing has succeeded yet; new attempts may start. */
    OPEN,
    /** One attempt is authorized and its capture is outstanding. */
    AUTHORIZED,
    /** One attempt is captured: the buyer has paid, the merchant may ship. */
    PAID,
    /** Closed unpaid: by the merchant, or because the authorized payment was cancelled. */
    CLOSED,
    /** The captured payment was refunded in full: the buyer has all the money back. Final. */
    REFUNDED
}
