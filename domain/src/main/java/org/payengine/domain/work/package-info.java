/**
 * The background work an order's state needs: which results Antom still owes (a payment's, a capture's, a
 * cancel's, a refund's), which deadlines run and which duplicates are still to be undone
 * ({@link org.payengine.domain.work.PendingWork}). The order says it ({@link org.payengine.domain.order.Order#pendingWork()}),
 * the way it says which events happened; a store keeps its due work in step with it, and workers decide when and
 * how each item is worked.
 */
package org.payengine.domain.work;
