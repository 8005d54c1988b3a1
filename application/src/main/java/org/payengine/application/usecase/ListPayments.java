package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.port.OrderListing;
import org.payengine.application.port.PaymentCursor;
import org.payengine.application.port.PaymentFilter;
import org.payengine.application.port.PaymentSummary;
import org.payengine.domain.InvalidValueException;

/**
 * Lists the payment attempts of every order newest first, one page at a time, narrowed by a filter: what an
 * operator looks for (every {@code UNKNOWN} attempt, every one that needs review). Each page says where the next
 * one starts (see {@link OrderListing}).
 */
public final class ListPayments {

    /** The most attempts one page holds: a larger page size asked for is cut to this. */
    public static final int MAX_PAGE_SIZE = ListOrders.MAX_PAGE_SIZE;

    private final OrderListing listing;

    @Inject
    public ListPayments(OrderListing listing) {
        this.listing = listing;
    }

    /**
     * @param filter   which attempts to list
     * @param pageSize how many attempts the page should hold, from 1; more than {@link #MAX_PAGE_SIZE} is capped
     * @param after    where the previous page ended ({@link Page#next()}), or {@code null} for the newest attempts
     */
    public record Query(PaymentFilter filter, int pageSize, PaymentCursor after) {

        public Query {
            Objects.requireNonNull(filter, "filter");
            if (pageSize < 1) {
                throw new InvalidValueException("pageSize", "must be at least 1, was " + pageSize);
            }
            pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
        }
    }

    /**
     * @param payments the page's attempts, newest first
     * @param next     where the next (older) page starts; empty when no attempt comes after this page
     */
    public record Page(List<PaymentSummary> payments, Optional<PaymentCursor> next) {

        public Page {
            payments = List.copyOf(payments);
            Objects.requireNonNull(next, "next");
        }
    }

    public Page list(Query query) {
        // One more than the page holds tells, in the same read, whether another page follows.
        List<PaymentSummary> read = listing.paymentsNewestFirst(query.filter(), query.after(), query.pageSize() + 1);
        if (read.size() <= query.pageSize()) {
            return new Page(read, Optional.empty());
        }
        List<PaymentSummary> page = read.subList(0, query.pageSize());
        return new Page(page, Optional.of(page.get(page.size() - 1).cursor()));
    }
}
