package org.payengine.bootstrap.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.adapters.persistence.BlackHoleProxy;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.command.ServeCommand;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.testing.Http;
import org.payengine.bootstrap.testing.PostgresSchema;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.simulator.AntomSimulator;

/**
 * Two engine nodes on one PostgreSQL database, one of them cut off from it by a network that goes silent (no error,
 * no reset). The cut-off node answers 503 {@code STORE_UNAVAILABLE} within its configured waits instead of hanging its
 * clients; the other node goes on serving the same orders; once the network is back, the first node serves again.
 */
class PartitionedNodeTest {

    /** Far beyond what the cut-off node's settings allow; reaching it means a request hangs. */
    private static final Duration HANG = Duration.ofSeconds(90);
    private static final String ORDER = "{\"referenceOrderId\":\"%s\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}}";

    @Test
    void a_node_cut_off_from_the_database_answers_503_within_its_waits_while_the_other_serves(@TempDir Path data)
            throws Exception {
        Optional<PostgresSchema> postgres = PostgresSchema.create("the partitioned node test");
        Assumptions.assumeTrue(postgres.isPresent(), "PostgreSQL is not configured");
        try (PostgresSchema schema = postgres.get();
             AntomSimulator antom = AntomSimulator.builder().port(0).build().start();
             BlackHoleProxy network = BlackHoleProxy.inFrontOf(schema.url())) {
            StandaloneEngine direct = ServeCommand.start(ConfigurationValues.of(node(antom, data.resolve("b"),
                    schema.url(), schema.schema(), Map.of("PAYENGINE_WORKERS", "false"))));
            StandaloneEngine cutOff = ServeCommand.start(ConfigurationValues.of(node(antom, data.resolve("a"),
                    network.jdbcUrl(), schema.schema(), Map.of(
                            "PAYENGINE_MIGRATE_ON_START", "false",
                            "PAYENGINE_DB_CONNECTION_TIMEOUT_MILLIS", "1000",
                            "PAYENGINE_DB_STATEMENT_TIMEOUT_MILLIS", "1000",
                            "PAYENGINE_DB_CONNECT_TIMEOUT_SECONDS", "1",
                            "PAYENGINE_DB_SOCKET_TIMEOUT_SECONDS", "2",
                            "PAYENGINE_DB_VALIDATION_TIMEOUT_MILLIS", "500"))));
            try {
                URI a = cutOff.localUrl();
                URI b = direct.localUrl();
                assertEquals(201, post(a, "/v1/orders", ORDER.formatted("part-1")).statusCode());
                assertEquals(200, get(b, "/v1/orders/part-1").statusCode());

                network.blackHole();

                assertTimeoutPreemptively(HANG, () -> {
                    assertUnavailable(get(a, "/v1/orders/part-1"));
                    assertUnavailable(post(a, "/v1/orders", ORDER.formatted("part-2")));
                    assertEquals(503, Http.get(a.resolve("/health")).statusCode());
                }, "a request to the cut-off node would hang");
                assertEquals(200, get(b, "/v1/orders/part-1").statusCode(), "the other node serves on");
                assertEquals(201, post(b, "/v1/orders", ORDER.formatted("part-3")).statusCode());

                network.heal();

                assertTimeoutPreemptively(HANG, () -> assertEquals(200, servedAgain(a, "/v1/orders/part-3")));
            } finally {
                cutOff.stop();
                direct.stop();
            }
        }
    }

    private static Map<String, String> node(AntomSimulator antom, Path data, String url, String schema,
                                            Map<String, String> more) {
        Map<String, String> environment = ServeEnvironment.of(antom, data);
        environment.put("PAYENGINE_DB_URL", url);
        environment.put("PAYENGINE_DB_SCHEMA", schema);
        environment.put("PAYENGINE_SHUTDOWN_GRACE_SECONDS", "2");
        environment.putAll(more);
        return environment;
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"STORE_UNAVAILABLE\""), answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent());
    }

    /** The node gives up the connections that went silent and opens new ones: a few tries at most. */
    private static int servedAgain(URI node, String path) throws Exception {
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            status = get(node, path).statusCode();
        }
        return status;
    }

    private static HttpResponse<String> get(URI node, String path) throws Exception {
        return Http.getAuthorized(node.resolve(path), ServeEnvironment.API_KEY);
    }

    private static HttpResponse<String> post(URI node, String path, String json) throws Exception {
        return Http.postJson(node.resolve(path), ServeEnvironment.API_KEY, json);
    }
}
