package org.payengine.application.testing;

import java.util.concurrent.atomic.AtomicLong;
import org.payengine.application.port.IdGenerator;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;

/** Predictable ids for tests: {@code pay-1}, {@code pay-2}, {@code cap-1}, {@code ref-1}… Thread-safe. */
public final class SequentialIds implements IdGenerator {

    private final AtomicLong payments = new AtomicLong();
    private final AtomicLong captures = new AtomicLong();
    private final AtomicLong refunds = new AtomicLong();

    @Override
    public PaymentRequestId newPaymentRequestId() {
        return PaymentRequestId.of("pay-" + payments.incrementAndGet());
    }

    @Override
    public CaptureRequestId newCaptureRequestId() {
        return CaptureRequestId.of("cap-" + captures.incrementAndGet());
    }

    @Override
    public RefundRequestId newRefundRequestId() {
        return RefundRequestId.of("ref-" + refunds.incrementAndGet());
    }
}
