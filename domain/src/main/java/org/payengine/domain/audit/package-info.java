/** The audit trail: one entry for every transition of an order, attempt, capture or refund, with its cause and time. */
package org.payengine.domain.audit;
