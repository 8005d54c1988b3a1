package org.payengine.application.worker;

import java.time.Instant;

/**
 * One background worker: each {@link #runOnce run} works what is due at the instant given, then returns. The
 * {@link WorkerScheduler} runs it again and again; tests call {@code runOnce} directly with the instant they
 * choose instead of waiting. Thread-safe; a run may be started while another runs (they claim different items).
 */
public interface Worker {

    /** A short, stable name for logs and metrics, e.g. {@code payment-follow-up}. */
    String name();

    /** Works the items due at {@code now} (at most one batch); items claimed but not started when a stop is asked are released. */
    WorkerRun runOnce(Instant now);

    /** Asks the runs in progress to finish the item in hand and give back the rest; no new run starts working. */
    void stop();
}
