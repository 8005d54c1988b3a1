/**
 * The background workers: what settles every payment without a merchant or a notification asking, safely on several
 * engine nodes sharing one database.
 *
 * <h2>What they do</h2>
 * <ul>
 *   <li><b>Payment follow-up</b> ({@code payment-follow-up}, {@link org.payengine.domain.work.WorkKind#PAYMENT_RESULT}):
 *       Antom's notification is the source of truth, so an attempt is asked about only on a signal, each with its
 *       schedule and cap ({@link org.payengine.application.worker.FollowUpPolicy}): a pay call whose answer was not
 *       written or was unknown (short schedule), a notification overdue past the payment's expiry (slow schedule), the
 *       buyer's return; a payment notified in time is never asked about. The answer goes through the same
 *       fact-applying path as a notification. A payment Antom still calls processing past its expiry and grace is
 *       cancelled at Antom and settled from the cancel's answer; the engine never invents a failure. When the looks
 *       are used up, the attempt is raised for review.</li>
 *   <li><b>Capture follow-up</b> ({@code capture-follow-up}, {@code CAPTURE_RESULT}): a capture left {@code REQUESTED}
 *       (its answer lost, or the process died) is sent again under the same capture request id on the short schedule;
 *       a capture {@code PROCESSING} or an automatic capture not reported is inquired once its notification is
 *       overdue, on the slow schedule.</li>
 *   <li><b>Cancel follow-up</b> ({@code cancel-follow-up}, {@code CANCEL_RESULT}): a cancel of an authorization is
 *       recorded before it is sent; one whose answer was lost is sent again on the short schedule (Antom cancels a
 *       payment once) until Antom's answer settles it.</li>
 *   <li><b>Refund follow-up</b> ({@code refund-follow-up}, {@code REFUND_RESULT}): a merchant's refund left
 *       {@code REQUESTED} is sent again under its refund request id on the short schedule; one {@code PROCESSING} is
 *       inquired once its notification is overdue, on the slow schedule.</li>
 *   <li><b>Capture guard</b> ({@code capture-guard}, {@code CAPTURE_DEADLINE}): "capture deadline near" ahead of the
 *       deadline, then cancel (default) or capture by policy, never at or after the deadline.</li>
 *   <li><b>Duplicate remediation</b> ({@code duplicate-remediation}, {@code DUPLICATE}): a second success of an order is
 *       cancelled at Antom, or refunded in full under one refund request id where Antom will not cancel it.</li>
 *   <li><b>Outbox delivery</b> ({@code outbox}): events go to the {@link org.payengine.application.port.EventSink} at
 *       least once, in order per order, retried with backoff and jitter, dead-lettered after too many tries.</li>
 * </ul>
 *
 * <h2>One node at a time</h2>
 * The work items live in the store ({@link org.payengine.application.port.DueWork}), added and removed by each order's
 * save in its own transaction, so an attempt written {@code INITIATED} is due even if the process dies right after and
 * a settled attempt stops being worked in the commit that settles it. A worker claims the items due under a lease
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), works each outside the claiming transaction, and ends the lease by
 * rescheduling the item; leases are short and renewed while the work runs, so a dead node's leases run out within
 * seconds. Antom's idempotency keys and the orders'
 * optimistic versions keep the work safe even should a lease run out mid-work.
 *
 * <h2>Running them</h2>
 * {@link org.payengine.application.worker.BackgroundWorkers} builds a node's workers from the use cases, the stores
 * and {@link org.payengine.application.worker.WorkerSettings} (every setting, its name and its default are listed
 * there); {@code start()} runs them on one scheduling thread each and a bounded pool of item threads, with jittered
 * pauses and no busy loop, and reports each run's lag and backlog to
 * {@link org.payengine.application.port.WorkerProgress}; {@code stop(grace)} lets each run finish the item in hand and
 * gives back the items not started. All timing reads the {@link org.payengine.application.port.Clock}; tests call
 * {@link org.payengine.application.worker.Worker#runOnce} with the instant they choose.
 */
package org.payengine.application.worker;
