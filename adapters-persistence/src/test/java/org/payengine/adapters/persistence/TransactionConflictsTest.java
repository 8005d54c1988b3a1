package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * When the database gives up a transaction because of another one — a deadlock, a serialization
 * failure, a lock not granted in time — the unit of work runs again and succeeds, and neither
 * writer's change is lost. Each test makes the database raise exactly that error, on a table of its
 * own, and counts the runs.
 */
class TransactionConflictsTest {

    abstract static class Suite {
        private final TestDatabase databases;
        private final Database database;

        Suite(TestDatabase databases) {
            this.databases = databases;
            this.database = databases.migrated();
        }

        @BeforeEach
        void two_counters_at_zero() {
            database.jdbi().useHandle(handle -> {
                handle.execute("CREATE TABLE IF NOT EXISTS conflict_counters (id INTEGER PRIMARY KEY, hits INTEGER NOT NULL)");
                handle.execute("DELETE FROM conflict_counters");
                handle.execute("INSERT INTO conflict_counters (id, hits) VALUES (1, 0), (2, 0)");
            });
        }

        @Test
        void the_victim_of_a_deadlock_runs_again() throws Exception {
            CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
            AtomicInteger runs = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = List.of(
                        writers.submit(() -> hitBothInOrder(1, 2, bothHoldTheirFirstRow, runs)),
                        writers.submit(() -> hitBothInOrder(2, 1, bothHoldTheirFirstRow, runs)));
                for (Future<?> writer : done) {
                    writer.get(30, TimeUnit.SECONDS);
                }
            } finally {
                writers.shutdownNow();
            }

            // The victim's next run can meet the other writer again before it commits, and be its victim
            // once more; what matters is that both committed, once each.
            assertTrue(runs.get() >= 3, () -> "the two units of work, and the deadlock victim again: " + runs);
            assertEquals(List.of(2, 2), hits());
        }

        /** Locks the first row, waits (on its first run) until the other writer holds the other row, then takes it. */
        private Void hitBothInOrder(int first, int second, CyclicBarrier bothHoldTheirFirstRow, AtomicInteger runs) {
            AtomicInteger myRuns = new AtomicInteger();
            database.transactions().run(() -> {
                runs.incrementAndGet();
                hit(first);
                if (myRuns.incrementAndGet() == 1) {
                    await(bothHoldTheirFirstRow);
                }
                hit(second);
            });
            return null;
        }

        @Test
        void a_serialization_failure_runs_again_with_fresh_reads() {
            AtomicInteger runs = new AtomicInteger();

            database.transactions().run(() -> {
                withHandle(handle -> {
                    handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
                    return null;
                });
                int seen = withHandle(handle -> handle.select("SELECT hits FROM conflict_counters WHERE id = 1")
                        .mapTo(Integer.class).one());
                if (runs.incrementAndGet() == 1) {
                    // another writer changes the row after this transaction's snapshot was taken
                    runElsewhere(() -> database.transactions().run(() -> hit(1)));
                }
                withHandle(handle -> handle.createUpdate("UPDATE conflict_counters SET hits = :hits WHERE id = 1")
                        .bind("hits", seen + 1).execute());
            });

            assertEquals(2, runs.get());
            assertEquals(List.of(2, 0), hits(), "the run that wrote had read the other writer's hit");
        }

        @Test
        void a_lock_not_granted_in_time_runs_again() throws Exception {
            // H2 gives up a lock wait after the lock timeout, which the stores set to the statement timeout;
            // PostgreSQL after its lock_timeout, which the engine leaves unset, so this transaction sets one.
            Database impatient = databases.backend() == Backend.H2
                    ? databases.open(databases.settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                    : database;
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService holder = Executors.newSingleThreadExecutor();
            AtomicInteger runs = new AtomicInteger();
            try {
                Future<?> held = holder.submit(() -> {
                    database.transactions().run(() -> {
                        hit(1);
                        holding.countDown();
                        awaitLatch(release);
                    });
                    return null;
                });
                holding.await(10, TimeUnit.SECONDS);

                impatient.transactions().run(() -> {
                    if (databases.backend() == Backend.POSTGRESQL) {
                        withHandle(impatient, handle -> handle.execute("SET LOCAL lock_timeout = '1s'"));
                    }
                    if (runs.incrementAndGet() == 2) {
                        release.countDown(); // the first run gave up waiting; now the holder finishes
                        await(held);
                    }
                    withHandle(impatient, handle -> handle.execute("UPDATE conflict_counters SET hits = hits + 1 WHERE id = 1"));
                });
            } finally {
                release.countDown();
                holder.shutdownNow();
            }

            assertEquals(2, runs.get());
            assertEquals(List.of(2, 0), hits());
        }

        private void hit(int counter) {
            withHandle(handle -> handle.execute("UPDATE conflict_counters SET hits = hits + 1 WHERE id = ?", counter));
        }

        private List<Integer> hits() {
            return database.jdbi().withHandle(handle -> handle.select("SELECT hits FROM conflict_counters ORDER BY id")
                    .mapTo(Integer.class).list());
        }

        private <T> T withHandle(HandleWork<T> work) {
            return withHandle(database, work);
        }

        private static <T> T withHandle(Database database, HandleWork<T> work) {
            return ((JdbiTransactions) database.transactions()).withHandle(handle -> {
                try {
                    return work.apply(handle);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        private interface HandleWork<T> {
            T apply(Handle handle) throws java.sql.SQLException;
        }
    }

    private static void runElsewhere(Runnable work) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            await(other.submit(work));
        } finally {
            other.shutdownNow();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other writer failed", e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other writer did not arrive", e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @RunsOn(Backend.H2)
    class OnH2 extends Suite {
        OnH2(TestDatabase database) {
            super(database);
        }
    }

    @Nested
    @RunsOn(Backend.POSTGRESQL)
    class OnPostgres extends Suite {
        OnPostgres(TestDatabase database) {
            super(database);
        }
    }
}
