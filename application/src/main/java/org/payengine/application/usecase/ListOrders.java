package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.port.OrderCursor;
import org.payengine.application.port.OrderFilter;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.OrderSummary;
import org.payengine.domain.InvalidValueException;

/**
 * Lists the stored orders newest first, one page at a time, all of them or those a filter admits: each page says
 * where the next one starts, so a caller walks back through every order without ever reading one twice (see
 * {@link OrderListing}).
 */
public final class ListOrders {

    /** The most orders one page holds: a larger page size asked for is cut to this. */
    public static final int MAX_PAGE_SIZE = 100;

    private final OrderListing listing;

    @Inject
    public ListOrders(OrderListing listing) {
        this.listing = listing;
    }

    /**
     * @param filter   which orders to list
     * @param pageSize how many orders the page should hold, from 1; more than {@link #MAX_PAGE_SIZE} is capped
     * @param after    where the previous page ended ({@link Page#next()}), or {@code null} for the newest orders
     */
    public record Query(OrderFilter filter, int pageSize, OrderCursor after) {

        public Query {
            Objects.requireNonNull(filter, "filter");
            if (pageSize < 1) {
                throw new InvalidValueException("pageSize", "must be at least 1, was " + pageSize);
            }
            pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
        }

        /** A page of every order. */
        public Query(int pageSize, OrderCursor after) {
            this(OrderFilter.ALL, pageSize, after);
        }

        /** The first page: the newest orders. */
        public static Query newest(int pageSize) {
            return new Query(pageSize, null);
        }
    }

    /**
     * @param orders the page's orders, newest first
     * @param next   where the next (older) page starts; empty when no order comes after this page
     */
    public record Page(List<OrderSummary> orders, Optional<OrderCursor> next) {

        public Page {
            orders = List.copyOf(orders);
            Objects.requireNonNull(next, "next");
        }
    }

    public Page list(Query query) {
        // One more than the page holds tells, in the same read, whether another page follows.
        List<OrderSummary> read = listing.newestFirst(query.filter(), query.after(), query.pageSize() + 1);
        if (read.size() <= query.pageSize()) {
            return new Page(read, Optional.empty());
        }
        List<OrderSummary> page = read.subList(0, query.pageSize());
        return new Page(page, Optional.of(page.get(page.size() - 1).cursor()));
    }
}
