package org.payengine.domain.fact;

import org.payengine.domain.id.RefundRequestId;

/** A fact about a refund PayEngine requested, found by its {@link #refundRequestId()}. */
public sealed interface RefundFact extends Fact permits RefundSucceeded, RefundFailed, RefundProcessing {

    RefundRequestId refundRequestId();
}
