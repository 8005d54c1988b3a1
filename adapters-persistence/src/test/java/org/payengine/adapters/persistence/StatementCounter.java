package org.payengine.adapters.persistence;

import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Counts the statements Jdbi sends, for the benchmarks (a batch counts once: it is one round trip). */
final class StatementCounter implements SqlLogger {

    private final LongAdder executed = new LongAdder();

    @Override
    public void logAfterExecution(StatementContext context) {
        executed.increment();
    }

    long count() {
        return executed.sum();
    }
}
