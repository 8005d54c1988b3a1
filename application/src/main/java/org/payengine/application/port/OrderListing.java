package org.payengine.application.port;

import java.util.List;

/**
 * The stored orders, and their payment attempts, as lists newest first, read a page at a time: what a merchant's
 * back office shows (the merchant API's {@code GET /v1/orders} and {@code GET /v1/payments}, the demo's orders page),
 * narrowed by a filter (status, creation time; for attempts also "needs review"). Each page starts where the
 * previous one ended, at a cursor (keyset paging, not an offset), so a page costs what it holds however many orders
 * are stored and however deep the page is, and an order created meanwhile never shifts a page or makes one show an
 * order twice.
 *
 * <p>The listing order: the most recently created first; orders (attempts) created at the same instant follow one
 * another by their reference order id (payment request id), in an order the store fixes (the same on every call).
 * Thread-safe; called outside a unit of work it reads what is committed, inside one ({@link Transactions}) it joins
 * it.
 *
 * @throws StoreUnavailableException from any method when the store does not answer
 */
public interface OrderListing {

    /**
     * Up to {@code limit} orders the filter admits, in the listing order, starting with the first one after
     * {@code after}.
     *
     * @param after where the previous page ended (the {@linkplain OrderSummary#cursor() cursor} of its last order),
     *              or {@code null} to start at the newest order
     * @param limit the most summaries to return, at least 1
     * @return fewer than {@code limit} summaries only when the listing ends
     */
    List<OrderSummary> newestFirst(OrderFilter filter, OrderCursor after, int limit);

    /** Every order: {@link #newestFirst(OrderFilter, OrderCursor, int)} with {@link OrderFilter#ALL}. */
    default List<OrderSummary> newestFirst(OrderCursor after, int limit) {
        return newestFirst(OrderFilter.ALL, after, limit);
    }

    /**
     * Up to {@code limit} payment attempts the filter admits, of every order, in the listing order, starting with the
     * first one after {@code after}.
     *
     * @param after where the previous page ended (the {@linkplain PaymentSummary#cursor() cursor} of its last
     *              attempt), or {@code null} to start at the newest attempt
     * @param limit the most summaries to return, at least 1
     * @return fewer than {@code limit} summaries only when the listing ends
     */
    List<PaymentSummary> paymentsNewestFirst(PaymentFilter filter, PaymentCursor after, int limit);
}
