package org.payengine.domain.fact;

/** Where a fact came from. The same fact may come from all three, in any order, any number of times. */
public enum FactSource {
    /** The synchronous answer to one of PayEngine's calls: pay, capture, cancel or refund. */
    API_RESPONSE,
    /** A signed notification Antom sent (payment, capture or refund result). */
    NOTIFICATION,
    /** The answer to an inquiry PayEngine made (inquiryPayment, inquiryRefund). */
    INQUIRY
}
