package org.payengine.application.port;

import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;

/**
 * Makes the ids PayEngine sends to Antom as idempotency keys. Every id must be new: never returned
 * before by any engine node sharing the database (random ids of at least 96 bits, or equivalent), at
 * most 64 characters. Thread-safe.
 */
public interface IdGenerator {

    PaymentRequestId newPaymentRequestId();

    CaptureRequestId newCaptureRequestId();

    RefundRequestId newRefundRequestId();
}
