package org.payengine.application.port;

import java.util.List;

/**
 * The stored orders as one list, newest first, read a page at a time: what a merchant's back office (the demo's
 * orders page) shows. Each page starts where the previous one ended, at an {@link OrderCursor} (keyset paging, not an
 * offset), so a page costs what it holds however many orders are stored and however deep the page is, and an order
 * created meanwhile never shifts a page or makes one show an order twice.
 *
 * <p>The listing order: the most recently created order first; orders created at the same instant follow one another
 * by their reference order id, in an order the store fixes (the same on every call). Thread-safe; called outside a
 * unit of work it reads what is committed, inside one ({@link Transactions}) it joins it.
 *
 * @throws StoreUnavailableException from any method when the store does not answer
 */
public interface OrderListing {

    /**
     * Up to {@code limit} orders in the listing order, starting with the first one after {@code after}.
     *
     * @param after where the previous page ended (the {@linkplain OrderSummary#cursor() cursor} of its last order),
     *              or {@code null} to start at the newest order
     * @param limit the most summaries to return, at least 1
     * @return fewer than {@code limit} summaries only when the listing ends
     */
    List<OrderSummary> newestFirst(OrderCursor after, int limit);
}
