package org.payengine.bootstrap.bench;

import java.util.Locale;
import org.payengine.adapters.persistence.Measurement;

/**
 * One line of the load benchmark's table: a workload through the engine next to its floor, measured just before it
 * on the same database, with the CPU time each process spent per operation in each window.
 *
 * @param engineCpu     milliseconds of the engine process's CPU per operation through the engine
 * @param driverCpu     milliseconds of the driver's (and embedded simulator's) CPU per operation through the engine
 * @param floorCpu      milliseconds of the driver's (and embedded simulator's) CPU per operation of the floor
 */
record LoadRow(String database, String workload, String floorName, int threads, Measurement engine,
               Measurement floor, double aim, double engineCpu, double driverCpu, double floorCpu) {

    static final String HEADER = """
            | database | workload | threads | rate/s | p50 ms | p99 ms | floor | floor rate/s | floor p50 ms \
            | floor p99 ms | share of floor | aim |
            |---|---|---|---|---|---|---|---|---|---|---|---|""";

    static final String CPU_HEADER = """
            | database | workload | engine CPU ms/op | driver + simulator CPU ms/op | floor: driver + simulator CPU ms/op |
            |---|---|---|---|---|""";

    String line() {
        double share = floor.commitsPerSecond() == 0 ? 0 : engine.commitsPerSecond() / floor.commitsPerSecond();
        return String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %.1f | %.1f | %s | %,.0f | %.1f | %.1f | %.0f %%%s | %.0f %% |",
                database, workload, threads, engine.commitsPerSecond(), engine.p50Millis(), engine.p99Millis(),
                floorName, floor.commitsPerSecond(), floor.p50Millis(), floor.p99Millis(), 100 * share,
                engine.endedEarly() ? " (ran out of prepared notifications after " + engine.commits() + ")" : "",
                100 * aim);
    }

    String cpuLine() {
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |", database, workload, engineCpu, driverCpu,
                floorCpu);
    }
}
