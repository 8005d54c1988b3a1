package org.payengine.bootstrap.embedded.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.EngineStatistics;
import org.payengine.application.port.EventSink;
import org.payengine.application.port.StoreUnavailableException;
import org.payengine.application.testing.TestClock;
import org.payengine.application.usecase.AntomApi;
import org.payengine.application.usecase.AntomPacing;
import org.payengine.application.usecase.CallBudget;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.event.OrderPaid;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;

/** The engine's own figures in a Micrometer registry, under the names {@code /metrics} has always shown. */
class EngineFiguresTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TestClock clock = new TestClock(java.time.Instant.parse("2025-03-01T10:00:00Z"));

    @Test
    void the_workers_lag_backlog_and_runs_are_shown_by_worker() {
        WorkerMeters workers = new WorkerMeters(registry);

        workers.runFinished("poller", Duration.ofMillis(2500), 7);
        workers.runFinished("poller", Duration.ZERO, 0);
        workers.runFinished("capture-guard", Duration.ofSeconds(1), 1);

        String text = registry.scrape();
        assertTrue(text.contains("payengine_worker_lag_seconds{worker=\"poller\"} 0"), text);
        assertTrue(text.contains("payengine_worker_backlog{worker=\"poller\"} 0"), text);
        assertTrue(text.contains("payengine_worker_runs_total{worker=\"poller\"} 2"), text);
        assertTrue(text.contains("payengine_worker_lag_seconds{worker=\"capture-guard\"} 1"), text);
        assertTrue(text.contains("payengine_worker_backlog{worker=\"capture-guard\"} 1"), text);
    }

    @Test
    void the_stores_figures_are_read_once_per_scrape_and_an_outage_shows_as_down_not_as_zero() {
        AtomicBoolean storeDown = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        StoreFigures figures = StoreFigures.register(registry, statistics(storeDown, reads), Optional.empty(), clock);

        figures.refresh();
        String text = registry.scrape();
        storeDown.set(true);
        figures.refresh();
        String duringOutage = registry.scrape();

        assertEquals(2, reads.get(), "one read of the store per refresh, whatever the number of gauges");
        assertTrue(text.contains("payengine_payment_attempts{status=\"PENDING\"} 3"), text);
        assertTrue(text.contains("payengine_payment_attempts{status=\"CAPTURED\"} 12"), text);
        assertTrue(text.contains("payengine_payment_attempts{status=\"FAILED\"} 0"), text);
        assertTrue(text.contains("payengine_notifications_unmatched 2"), text);
        assertTrue(text.contains("payengine_outbox_backlog 5"), text);
        assertTrue(text.contains("# TYPE payengine_outbox_dead_letters gauge\npayengine_outbox_dead_letters 1"), text);
        assertTrue(text.contains("payengine_engine_statistics_up 1"), text);
        assertTrue(duringOutage.contains("payengine_engine_statistics_up 0"), duringOutage);
        assertTrue(duringOutage.contains("payengine_outbox_backlog NaN"), duringOutage);
    }

    @Test
    void without_a_refresh_the_store_is_read_again_once_the_snapshot_is_older_than_its_maximum_age() {
        AtomicInteger reads = new AtomicInteger();
        StoreFigures.register(registry, statistics(new AtomicBoolean(), reads), Optional.empty(), clock);

        registry.scrape();
        registry.scrape();
        clock.advance(StoreFigures.MAX_AGE.plusSeconds(1));
        registry.scrape();

        assertEquals(2, reads.get(), "read at the first scrape, and again once the snapshot was too old");
    }

    @Test
    void an_event_the_sink_refuses_is_counted_by_type_and_still_refused() {
        EventSink refusing = event -> {
            throw new IllegalStateException("the shop's endpoint answered 500");
        };
        MeteredEventSink sink = new MeteredEventSink(refusing, registry);
        DomainEvent event = new OrderPaid(EventId.parse("order-1#2.0"), clock.now(), PaymentRequestId.of("pay-1"),
                PaymentId.of("antom-pay-1"), CaptureId.of("antom-capture-1"), Money.of("SGD", 4200));

        assertThrows(IllegalStateException.class, () -> sink.deliver(event));
        assertThrows(IllegalStateException.class, () -> sink.deliver(event));

        assertEquals(2.0, registry.get("payengine.event.deliveries.failed").tag("type", event.type()).counter().count());
        assertTrue(registry.scrape().contains("payengine_event_deliveries_failed_total{type=\"" + event.type() + "\"} 2"));
    }

    private static EngineStatistics statistics(AtomicBoolean storeDown, AtomicInteger reads) {
        return new EngineStatistics() {
            @Override
            public Map<AttemptStatus, Long> attemptsByStatus() {
                reads.incrementAndGet();
                if (storeDown.get()) {
                    throw new StoreUnavailableException("down (test)", null);
                }
                Map<AttemptStatus, Long> counts = new EnumMap<>(AttemptStatus.class);
                counts.put(AttemptStatus.PENDING, 3L);
                counts.put(AttemptStatus.CAPTURED, 12L);
                return counts;
            }

            @Override
            public long unmatchedNotifications() {
                return 2;
            }

            @Override
            public long undeliveredEvents() {
                return 5;
            }

            @Override
            public long deadLetteredEvents() {
                return 1;
            }
        };
    }

    @Test
    void what_the_node_asks_of_antom_is_counted_by_api_with_what_its_budget_put_off_and_the_slow_downs() {
        CallBudget budget = new CallBudget(new AntomPacing(2, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), clock);
        AntomCallFigures.register(registry, budget);

        budget.admitMerchantCall(AntomApi.PAY);
        budget.admitMerchantCall(AntomApi.PAY);
        budget.admitMerchantCall(AntomApi.PAY);
        budget.slowDown();

        String text = registry.scrape();
        assertTrue(text.contains("payengine_antom_calls_total{api=\"pay\"} 2"), text);
        assertTrue(text.contains("payengine_antom_calls_not_admitted_total{api=\"pay\"} 1"), text);
        assertTrue(text.contains("payengine_antom_calls_total{api=\"inquiryPayment\"} 0"), text);
        assertTrue(text.contains("payengine_antom_slow_downs_total 1"), text);
    }
}
