package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.application.usecase.UseCaseFixtures.order;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.UseCaseRejection.OrderConflict;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.OrderStatus;

class CreateOrGetOrderTest {

    private final InMemoryEngine engine = new InMemoryEngine();

    @Test
    public void a_new_order_is_created_open() {
        CreateOrGetOrder.Created created = engine.useCases.createOrGetOrder().createOrGet(order("order-1")).value();

        assertTrue(created.created());
        assertEquals(OrderStatus.OPEN, created.order().status());
        assertEquals(1, created.order().version());
    }

    @Test
    public void the_same_id_with_the_same_contents_returns_the_same_order() {
        CreateOrGetOrder.Created first = engine.useCases.createOrGetOrder().createOrGet(order("order-1")).value();

        CreateOrGetOrder.Created again = engine.useCases.createOrGetOrder().createOrGet(order("order-1")).value();

        assertFalse(again.created());
        assertEquals(first.order(), again.order());
    }

    @Test
    public void the_same_id_with_other_contents_is_a_conflict() {
        engine.useCases.createOrGetOrder().createOrGet(order("order-1"));
        CreateOrGetOrder.Command other = new CreateOrGetOrder.Command(order("order-1").id(), Money.of("SGD", 9900),
                "Two coffees", order("order-1").buyer(), List.of());

        OrderConflict conflict = assertInstanceOf(OrderConflict.class,
                engine.useCases.createOrGetOrder().createOrGet(other).rejection());

        assertEquals("ORDER_CONFLICT", conflict.code());
        assertTrue(conflict.message().contains("amount SGD 42.00 vs SGD 99.00"), conflict.message());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEM", "ZWD", "CLF", "BHD", "VND"})
    public void an_order_in_a_currency_antom_takes_no_card_payments_in_is_refused(String currency) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> new CreateOrGetOrder.Command(order("order-1").id(), money(currency), "A teapot",
                        order("order-1").buyer(), List.of()));

        assertEquals("amount.currency", refused.field());
        assertTrue(refused.reason().contains(currency + " is not a currency Antom takes card payments in"),
                refused.reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SGD", "USD", "EUR", "JPY", "KRW", "HKD", "GBP", "AUD"})
    public void an_order_in_a_card_currency_of_antom_is_made(String currency) {
        assertTrue(engine.useCases.createOrGetOrder().createOrGet(new CreateOrGetOrder.Command(order("order-1").id(),
                money(currency), "A teapot", order("order-1").buyer(), List.of())).value().created());
    }

    /** 4200 minor units of a currency the JDK knows, withdrawn ones too. */
    private static Money money(String currency) {
        return new Money(Currency.getInstance(currency), 4200);
    }

    @Test
    public void concurrent_creators_of_one_order_get_the_same_order() throws Exception {
        int creators = 8;
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CreateOrGetOrder.Created>> results = new ArrayList<>();
        for (int i = 0; i < creators; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return engine.useCases.createOrGetOrder().createOrGet(order("order-1")).value();
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<CreateOrGetOrder.Created> result : results) {
            created += result.get(30, TimeUnit.SECONDS).created() ? 1 : 0;
        }
        pool.shutdownNow();

        assertEquals(1, created);
        assertEquals(1, engine.auditLog.entriesFor(order("order-1").id()).size());
    }
}
