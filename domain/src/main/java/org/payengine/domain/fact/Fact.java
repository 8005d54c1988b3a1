package org.payengine.domain.fact;

/**
 * Something Antom said about a payment, a capture or a refund, translated into domain terms. Facts are
 * values: two equal facts are the same fact, whichever source reported them, and applying a fact a
 * second time changes nothing.
 */
public sealed interface Fact permits PaymentFact, CaptureFact, RefundFact {

    /**
     * A canonical one-line description naming the kind of fact and all its parts; equal facts have equal
     * descriptions. It is what the domain stores to recognise a contradictory fact it has seen before.
     */
    String describe();
}
