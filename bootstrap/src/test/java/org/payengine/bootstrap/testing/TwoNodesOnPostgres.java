package org.payengine.bootstrap.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.command.ServeCommand;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.simulator.AntomSimulator;

/**
 * Two engine nodes ({@code serve}, in this process, background workers off) on one PostgreSQL schema of their own,
 * calling one simulated Antom; the test is skipped, saying so, when {@code PAYENGINE_TEST_POSTGRES_URL} is not set.
 */
public record TwoNodesOnPostgres(AntomSimulator antom, PostgresSchema schema, StandaloneEngine a, StandaloneEngine b)
        implements AutoCloseable {

    public static TwoNodesOnPostgres start(String testName, Path data) {
        Optional<PostgresSchema> postgres = PostgresSchema.create(testName + " (two engine nodes)");
        Assumptions.assumeTrue(postgres.isPresent(), "PAYENGINE_TEST_POSTGRES_URL is not set");
        PostgresSchema schema = postgres.get();
        AntomSimulator antom = AntomSimulator.builder().port(0).build().start();
        return new TwoNodesOnPostgres(antom, schema, node(antom, schema, data.resolve("a")),
                node(antom, schema, data.resolve("b")));
    }

    private static StandaloneEngine node(AntomSimulator antom, PostgresSchema schema, Path data) {
        Map<String, String> environment = new HashMap<>(ServeEnvironment.of(antom, data));
        environment.put("PAYENGINE_DB_URL", schema.url());
        environment.put("PAYENGINE_DB_SCHEMA", schema.schema());
        environment.put("PAYENGINE_WORKERS", "false");
        return ServeCommand.start(ConfigurationValues.of(environment));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, antom, schema}) {
            closeable.close();
        }
    }
}
