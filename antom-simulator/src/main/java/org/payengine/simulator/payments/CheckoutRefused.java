package org.payengine.simulator.payments;

/** The hosted page cannot take this input, or this payment can no longer be paid. */
public final class CheckoutRefused extends RuntimeException {

    private final boolean paymentClosed;

    CheckoutRefused(String message, boolean paymentClosed) {
        super(message, null, false, false);
        this.paymentClosed = paymentClosed;
    }

    /** True when the payment cannot be paid any more; false when only this input was wrong. */
    public boolean paymentClosed() {
        return paymentClosed;
    }
}
