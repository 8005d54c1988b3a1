package org.payengine.bootstrap.command;

import java.util.concurrent.CountDownLatch;

/**
 * Waits for the JVM to be asked to stop (SIGTERM, SIGINT/Ctrl-C), runs the given stop action in the shutdown hook,
 * and lets the waiting command return once it is done. The JVM exits only after the hook, so a graceful stop is
 * never cut short.
 */
final class ShutdownSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    ShutdownSignal(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
    }

    /** Blocks until the stop action has run. */
    void await() throws InterruptedException {
        stopped.await();
    }
}
