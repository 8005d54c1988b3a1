/**
 * The background workers: what settles every payment without a merchant or a notification asking, safely on several
 * engine nodes sharing one database.
 *
 * <h2>What they do</h2>
 * <ul>
 *   <li><b>Payment poller</b> ({@code payment-poller}, {@link org.payengine.application.port.WorkKind#PAYMENT_RESULT}):
 *       attempts {@code INITIATED}, {@code PENDING} or {@code UNKNOWN} are inquired every 2 s at first, then less and
 *       less often ({@link org.payengine.application.worker.PollSchedule}); the answer goes through the same
 *       fact-applying path as a notification. Past the payment's expiry and a grace period, a payment Antom still calls
 *       processing is cancelled at Antom and settled from the cancel's answer; the engine never invents a failure.</li>
 *   <li><b>Capture poller</b> ({@code capture-poller}, {@code CAPTURE_RESULT}): captures {@code PROCESSING} and automatic
 *       captures not reported yet are inquired; a capture left {@code REQUESTED} (its answer lost, or the process died)
 *       is sent again under the same capture request id.</li>
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
 * rescheduling the item; a dead node's leases run out by themselves. Antom's idempotency keys and the orders'
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
