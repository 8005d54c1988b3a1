package org.payengine.adapters.http.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * The orders the demo shop placed since it started, newest first: the shop is the merchant here, and like any
 * merchant it knows its own orders (the engine has no "list all orders" query). Bounded; thread-safe.
 */
final class PlacedOrders {

    static final int KEPT = 100;

    private final Deque<ReferenceOrderId> orders = new ArrayDeque<>();

    synchronized void placed(ReferenceOrderId order) {
        orders.remove(order);
        orders.addFirst(order);
        while (orders.size() > KEPT) {
            orders.removeLast();
        }
    }

    synchronized List<ReferenceOrderId> newestFirst() {
        return List.copyOf(orders);
    }
}
