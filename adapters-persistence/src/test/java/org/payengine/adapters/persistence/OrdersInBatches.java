package org.payengine.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Fills a benchmark's database before it is measured: {@code count} orders stored from several threads, a batch of
 * them per transaction, so that preparing a hundred thousand orders takes seconds rather than minutes.
 */
final class OrdersInBatches {

    private OrdersInBatches() {
    }

    /**
     * Runs {@code storeOne} for every index below {@code count}, inside transactions of {@code perTransaction}
     * indexes each, from {@code threads} threads; returns once all are committed.
     */
    static void store(Database database, int count, int threads, int perTransaction, IntConsumer storeOne) {
        AtomicInteger next = new AtomicInteger();
        Runnable storing = () -> {
            for (int start = next.getAndAdd(perTransaction); start < count; start = next.getAndAdd(perTransaction)) {
                int from = start;
                int to = Math.min(count, start + perTransaction);
                database.transactions().run(() -> {
                    for (int i = from; i < to; i++) {
                        storeOne.accept(i);
                    }
                });
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(storing));
            }
            for (Future<?> stored : done) {
                stored.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("storing the benchmark's orders failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
