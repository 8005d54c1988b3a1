package org.payengine.adapters.persistence;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * One cell of a benchmark ({@link PersistenceBenchmark}, and the load benchmark of the runnable engine): a
 * transaction run over and over from some threads, first for a warm-up, then for a measured window whose commits,
 * per-transaction latencies and statements are kept.
 */
public record Measurement(long commits, double seconds, long[] sortedLatencyNanos, long statements, long cpuNanos,
                          long bytesWritten, boolean endedEarly) {

    /** One transaction; {@code false} when there is no more work (the window then ends early). */
    @FunctionalInterface
    public interface Transaction {
        boolean run();
    }

    /**
     * Runs {@code transaction} on {@code threads} threads for {@code warmup}, then for {@code measured};
     * {@code statementCount} is read at the window's edges.
     */
    public static Measurement run(int threads, Duration warmup, Duration measured, LongSupplier statementCount,
                           Transaction transaction) {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long windowEnd = warmupEnd + measured.toNanos();
        long statementsBefore = -1;
        List<Future<Window>> windows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                windows.add(pool.submit(() -> runUntil(transaction, warmupEnd, windowEnd)));
            }
            sleepUntil(warmupEnd);
            statementsBefore = statementCount.getAsLong();
            long cpuBefore = processCpuNanos();
            long writtenBefore = processBytesWritten();
            List<Window> finished = new ArrayList<>();
            for (Future<Window> window : windows) {
                finished.add(window.get());
            }
            long statements = statementCount.getAsLong() - statementsBefore;
            long cpuNanos = processCpuNanos() - cpuBefore;
            long bytesWritten = processBytesWritten() - writtenBefore;
            long lastEnd = finished.stream().mapToLong(Window::lastEnd).max().orElse(windowEnd);
            boolean endedEarly = finished.stream().anyMatch(Window::endedEarly);
            long[] latencies = finished.stream().flatMapToLong(window -> Arrays.stream(window.latencies())).sorted()
                    .toArray();
            double seconds = (Math.min(windowEnd, lastEnd) - warmupEnd) / 1e9;
            return new Measurement(latencies.length, seconds, latencies, statements, cpuNanos, bytesWritten, endedEarly);
        } catch (Exception e) {
            throw new IllegalStateException("a benchmark thread failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    public double commitsPerSecond() {
        return seconds <= 0 ? 0 : commits / seconds;
    }

    public double p50Millis() {
        return percentileMillis(0.50);
    }

    public double p99Millis() {
        return percentileMillis(0.99);
    }

    /**
     * This process's CPU time (all its threads: the benchmark's, the pool's, an embedded database's) per commit.
     * It is far steadier than the rates on a shared machine, and for embedded H2 it is nearly the whole cost.
     */
    public double cpuMicrosPerCommit() {
        return commits == 0 ? Double.NaN : cpuNanos / 1e3 / commits;
    }

    /**
     * Bytes this process handed to {@code write} calls per commit (files and sockets: for embedded H2 what it writes
     * to its file, for PostgreSQL what the driver sends), from Linux's {@code /proc/self/io}; NaN elsewhere.
     */
    public double kilobytesWrittenPerCommit() {
        return commits == 0 || bytesWritten < 0 ? Double.NaN : bytesWritten / 1024.0 / commits;
    }

    private static long processBytesWritten() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring("wchar:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the column stays empty
        }
        return Long.MIN_VALUE / 2;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public double statementsPerCommit() {
        return commits == 0 ? 0 : (double) statements / commits;
    }

    private double percentileMillis(double share) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedLatencyNanos.length - 1, Math.ceil(share * sortedLatencyNanos.length) - 1);
        return sortedLatencyNanos[Math.max(0, index)] / 1e6;
    }

    /** What one thread did in the measured window. */
    private record Window(long[] latencies, long lastEnd, boolean endedEarly) {
    }

    private static Window runUntil(Transaction transaction, long warmupEnd, long windowEnd) {
        long[] latencies = new long[1 << 12];
        int count = 0;
        long now = System.nanoTime();
        while (now < windowEnd) {
            long start = now;
            if (!transaction.run()) {
                return new Window(Arrays.copyOf(latencies, count), System.nanoTime(), true);
            }
            now = System.nanoTime();
            if (start >= warmupEnd) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = now - start;
            }
        }
        return new Window(Arrays.copyOf(latencies, count), now, false);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
