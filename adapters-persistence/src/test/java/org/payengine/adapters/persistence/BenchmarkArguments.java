package org.payengine.adapters.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command-line options the benchmarks share (here and in the load benchmark of the runnable engine):
 * {@code --name value} pairs, and which databases to measure.
 */
public record BenchmarkArguments(String[] args) {

    public Optional<String> option(String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** {@code --databases} ({@code h2,postgresql} by default). */
    public List<String> databases() {
        return Arrays.asList(option("--databases").orElse("h2,postgresql").split(","));
    }

    /** The PostgreSQL server to measure: {@code --postgres-url}, else the test server; empty when not asked for. */
    public Optional<String> postgresUrl() {
        return option("--postgres-url").or(TestDatabase::postgresUrl).filter(url -> databases().contains("postgresql"));
    }
}
