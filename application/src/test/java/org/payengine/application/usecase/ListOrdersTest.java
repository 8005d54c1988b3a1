package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.OrderSummary;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.domain.InvalidValueException;

class ListOrdersTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    @Test
    public void pages_walk_back_through_every_order_and_the_last_one_says_nothing_follows() {
        createOrders(5);

        ListOrders.Page first = engine.useCases.listOrders().list(ListOrders.Query.newest(2));
        ListOrders.Page second = engine.useCases.listOrders().list(new ListOrders.Query(2, first.next().orElseThrow()));
        ListOrders.Page last = engine.useCases.listOrders().list(new ListOrders.Query(2, second.next().orElseThrow()));

        List<String> listed = new ArrayList<>();
        for (ListOrders.Page page : List.of(first, second, last)) {
            page.orders().stream().map(summary -> summary.id().value()).forEach(listed::add);
        }
        assertEquals(List.of("order-5", "order-4", "order-3", "order-2", "order-1"), listed);
        assertTrue(last.next().isEmpty());
    }

    @Test
    public void a_page_that_ends_exactly_with_the_oldest_order_says_nothing_follows() {
        createOrders(2);

        ListOrders.Page page = engine.useCases.listOrders().list(ListOrders.Query.newest(2));

        assertEquals(2, page.orders().size());
        assertTrue(page.next().isEmpty());
    }

    @Test
    public void a_larger_page_than_the_most_allowed_is_cut_to_it() {
        createOrders(ListOrders.MAX_PAGE_SIZE + 1);

        ListOrders.Page page = engine.useCases.listOrders().list(ListOrders.Query.newest(10_000));

        assertEquals(ListOrders.MAX_PAGE_SIZE, page.orders().size());
        assertEquals(page.orders().get(ListOrders.MAX_PAGE_SIZE - 1).cursor(), page.next().orElseThrow());
    }

    @Test
    public void a_page_of_no_orders_is_refused() {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> ListOrders.Query.newest(0));

        assertEquals("pageSize", refused.field());
    }

    @Test
    public void an_empty_store_lists_nothing() {
        ListOrders.Page page = engine.useCases.listOrders().list(ListOrders.Query.newest(20));

        assertEquals(List.<OrderSummary>of(), page.orders());
        assertTrue(page.next().isEmpty());
    }

    private void createOrders(int count) {
        for (int i = 1; i <= count; i++) {
            engine.useCases.createOrGetOrder().createOrGet(order("order-" + i));
            engine.clock.advance(Duration.ofSeconds(1));
        }
    }
}
