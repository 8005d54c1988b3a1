package org.payengine.bootstrap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Unmeasured preparation work spread over some threads; the first failure fails it all. */
final class Parallel {

    private Parallel() {
    }

    static <T> void forEach(int threads, List<T> items, Consumer<T> work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    for (int index = next.getAndIncrement(); index < items.size(); index = next.getAndIncrement()) {
                        work.accept(items.get(index));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
