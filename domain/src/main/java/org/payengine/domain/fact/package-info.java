/**
 * Facts: what Antom said about a payment, a capture or a refund, in domain terms. The pay response, the
 * notification and the inquiry all produce the same facts; equal facts are the same fact.
 */
package org.payengine.domain.fact;
