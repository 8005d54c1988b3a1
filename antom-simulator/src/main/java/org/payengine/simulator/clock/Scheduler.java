package org.payengine.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work at simulated instants: payment expiry, authorization release, delayed issuer results
 * and notification (re)sends. A timer thread hands due tasks to a small pool as the scaled clock
 * reaches them; {@link #advance(Duration)} jumps the clock and runs everything that falls due,
 * in order, each at its own instant, before returning.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private record Task(Instant due, long sequence, Runnable action) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    private final SimulatedClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final ReentrantLock advancing = new ReentrantLock();
    private final ExecutorService pool;
    private final Thread timer;
    private volatile boolean open = true;

    public Scheduler(SimulatedClock clock) {
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "simulator-task-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.timer = new Thread(this::runTimer, "simulator-timer");
        this.timer.setDaemon(true);
        this.timer.start();
    }

    public SimulatedClock clock() {
        return clock;
    }

    /** Runs {@code action} once the simulated clock reaches {@code due} (at once if it has). */
    public void at(Instant due, Runnable action) {
        lock.lock();
        try {
            Task task = new Task(due, sequence.incrementAndGet(), action);
            queue.add(task);
            // the timer only needs waking when its next deadline moved earlier
            if (queue.peek() == task) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock forward by {@code by}, running every task that falls due on the way at its
     * own instant (tasks scheduled by those tasks included), then waits until nothing due is
     * left running.
     */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        // work already handed to the pool may schedule follow-ups; they must fall due on the way
        awaitIdle(Duration.ofSeconds(60));
        advancing.lock();
        try {
            Instant target = clock.now().plus(by);
            Task task;
            while ((task = pollDueBy(target)) != null) {
                clock.advanceTo(task.due());
                execute(task);
            }
            clock.advanceTo(target);
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        } finally {
            advancing.unlock();
        }
        awaitIdle(Duration.ofSeconds(60));
        return clock.now();
    }

    /**
     * Waits (in real time, at most {@code timeout}) until no task is due and none is running.
     * Returns whether that state was reached.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isIdle()) {
                return true;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        open = false;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        pool.shutdownNow();
        try {
            timer.join(1000);
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Both checks under the lock that moves a task from the queue to the running count, so a
     * task being handed over is never missed by both.
     */
    private boolean isIdle() {
        lock.lock();
        try {
            Task head = queue.peek();
            return running.get() == 0 && (head == null || head.due().isAfter(clock.now()));
        } finally {
            lock.unlock();
        }
    }

    private Task pollDueBy(Instant limit) {
        lock.lock();
        try {
            Task head = queue.peek();
            if (head == null || head.due().isAfter(limit)) {
                return null;
            }
            running.incrementAndGet();
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    private void execute(Task task) {
        try {
            task.action().run();
        } catch (RuntimeException e) {
            LOG.warn("scheduled simulator task failed", e);
        } finally {
            running.decrementAndGet();
        }
    }

    private void runTimer() {
        while (open) {
            lock.lock();
            try {
                Task head = queue.peek();
                if (head == null) {
                    changed.await();
                    continue;
                }
                Duration wait = clock.realTimeUntil(head.due());
                if (!wait.isZero()) {
                    changed.awaitNanos(Math.min(wait.toNanos(), TimeUnit.SECONDS.toNanos(1)));
                    continue;
                }
                Task due = queue.poll();
                running.incrementAndGet();
                pool.execute(() -> execute(due));
            } catch (InterruptedException e) {
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                running.decrementAndGet();
                return;
            } finally {
                lock.unlock();
            }
        }
    }
}
