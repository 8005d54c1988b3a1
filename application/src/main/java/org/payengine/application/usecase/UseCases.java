package org.payengine.application.usecase;

/**
 * Every use case of the engine, listed once: the embedded engine ({@code PayEngine.useCases()}), the standalone
 * engine's HTTP routes and the tests' in-memory engine are all built from this list (a Dagger component that extends
 * it provides each one from its ports). A new use case is a method here; every engine then has it. Each call may
 * build a new one: they are stateless and thread-safe.
 */
public interface UseCases {

    /** Creates an order, or returns the one with the same reference order id (idempotent). */
    CreateOrGetOrder createOrGetOrder();

    GetOrder getOrder();

    /** The stored orders, newest first, a page at a time, all or by status and creation time (a back office's list). */
    ListOrders listOrders();

    /** The payment attempts of every order, newest first, a page at a time, e.g. every {@code UNKNOWN} one. */
    ListPayments listPayments();

    /** Closes an unpaid order for good. */
    CloseOrder closeOrder();

    /** Starts a payment attempt at Antom for an open order: the buyer then pays on Antom's hosted page. */
    StartPayment startPayment();

    GetPayment getPayment();

    /** Asks Antom how an attempt stands now and applies the answer. */
    SyncPayment syncPayment();

    /** Captures an authorized manual-capture payment (idempotent). */
    CapturePayment capturePayment();

    CancelPayment cancelPayment();

    /**
     * Refunds a captured payment in full or in part (each call a new refund, within what is left of the captured
     * amount); its result reaches the event sink as {@code refund.succeeded} or {@code refund.failed}.
     */
    RefundPayment refundPayment();

    /** Reads one refund by its refund request id. */
    GetRefund getRefund();

    ListPaymentMethods listPaymentMethods();

    /**
     * Verifies and applies one notification from Antom; the receiving endpoint answers Antom as the returned
     * {@link HandleNotification.Handling} says (the acknowledgement body only once it is stored).
     */
    HandleNotification handleNotification();

    /** Applies facts about a payment learned elsewhere (an inquiry, a report), as a notification's would be. */
    ApplyPaymentFacts applyPaymentFacts();

    /** Takes one step to undo a duplicate success (cancel, or refund when Antom refuses to cancel). */
    RemediateDuplicate remediateDuplicate();

    /**
     * Delivers due events from the outbox to the event sink. The workers do this by themselves; an engine whose
     * workers are off must call it on a schedule.
     */
    PublishEvents publishEvents();
}
