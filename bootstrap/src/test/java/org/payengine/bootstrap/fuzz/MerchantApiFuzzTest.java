package org.payengine.bootstrap.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.payengine.bootstrap.StandaloneEngine;
import org.payengine.bootstrap.command.ServeCommand;
import org.payengine.bootstrap.config.ConfigurationValues;
import org.payengine.bootstrap.testing.PostgresSchema;
import org.payengine.bootstrap.testing.ServeEnvironment;
import org.payengine.domain.CardNumbers;
import org.payengine.simulator.AntomSimulator;
import org.slf4j.LoggerFactory;

/**
 * The merchant API and the notification endpoint of a real engine ({@code serve}, its workers running, against the
 * simulator) under thousands of generated requests ({@link FuzzedRequests}), on H2 and on PostgreSQL. Whatever is
 * sent: no answer is a 5xx, no connection is cut, every refusal is the error body and every 422 names its field, no
 * answer repeats a card number — and afterwards no table holds one and no log line shows one.
 *
 * <p>The seed is printed on failure; {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.requests=N} makes it longer.
 */
class MerchantApiFuzzTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2_000);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    /** A path in the body ({@code amount.value}, {@code buyer.email}) or the name of a path or query parameter. */
    private static final Pattern FIELD =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*|\\[[0-9]+])*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static AntomSimulator antom;

    @BeforeAll
    static void startAntom() {
        antom = AntomSimulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stopAntom() {
        antom.close();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void no_request_breaks_the_engine_or_leaves_a_card_number_in_its_answers_its_tables_or_its_logs(
            String backend, @TempDir Path data) throws Exception {
        try (Node node = Node.start(backend, antom, data)) {
            FuzzedRequests requests = new FuzzedRequests(SEED);
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                FuzzedRequests.Request request = requests.next();
                HttpResponse<String> answer = node.send(request);
                assertAnswered(request, answer);
                requests.answered(request, answer.statusCode(), answer.body());
                statuses.merge(answer.statusCode(), 1, Integer::sum);
            }
            System.out.println("Fuzzed " + REQUESTS + " requests on " + backend + " (seed " + SEED + "): " + statuses);
            assertTrue(statuses.getOrDefault(201, 0) > REQUESTS / 20, "too few requests got through: " + statuses);
            assertTrue(statuses.getOrDefault(422, 0) > REQUESTS / 20, "too few were refused: " + statuses);

            node.stop();
            assertNoCardNumberStored(node);
            assertNoCardNumberLogged(node);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void ids_that_differ_only_by_a_lone_surrogate_never_become_one_order(String backend, @TempDir Path data)
            throws Exception {
        try (Node node = Node.start(backend, antom, data)) {
            String order = "{\"referenceOrderId\":\"%s\",\"amount\":{\"currency\":\"SGD\",\"value\":\"4200\"}%s}";
            for (String id : List.of("sur-\\udc00", "sur-\\ud801")) {
                HttpResponse<String> refused = node.postJson("/v1/orders", order.formatted(id, ""));
                assertEquals(422, refused.statusCode(), refused.body());
                assertEquals("referenceOrderId", JSON.readTree(refused.body()).path("error").path("field").asText());
            }
            assertEquals(201, node.postJson("/v1/orders", order.formatted("sur-?", "")).statusCode());
            assertEquals(200, node.postJson("/v1/orders", order.formatted("sur-?", "")).statusCode(), "the same again");
            for (int attempt = 0; attempt < 2; attempt++) { // refused alike each time: never a conflict with itself
                HttpResponse<String> refused = node.postJson("/v1/orders",
                        order.formatted("sur-d", ",\"description\":\"tea \\ud800 pot\""));
                assertEquals(422, refused.statusCode(), refused.body());
                assertEquals("description", JSON.readTree(refused.body()).path("error").path("field").asText());
            }
            assertEquals(404, node.get("/v1/orders/sur-d").statusCode());
        }
    }

    private static void assertAnswered(FuzzedRequests.Request request, HttpResponse<String> answer) throws IOException {
        String context = request + " (seed " + SEED + ") → " + answer.statusCode() + " " + answer.body();
        assertTrue(answer.statusCode() < 500, context);
        assertFalse(CardNumbers.foundIn(answer.body()), "a card number repeated: " + context);
        if (answer.statusCode() >= 400) {
            JsonNode error = JSON.readTree(answer.body()).path("error");
            assertFalse(error.path("code").asText().isBlank(), context);
            assertFalse(error.path("message").asText().isBlank(), context);
            if (answer.statusCode() == 422) {
                assertTrue(FIELD.matcher(error.path("field").asText()).matches(), "no field named: " + context);
            }
        }
    }

    /** Every text column of every table of the engine, every row. */
    private static void assertNoCardNumberStored(Node node) throws SQLException {
        Set<Integer> texts = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
                Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB, Types.OTHER);
        int values = 0;
        try (Connection connection = node.database()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, node.schema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.contains("orders"), tables.toString());
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + node.schema() + "." + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            if (texts.contains(columns.getColumnType(column))) {
                                String value = rows.getString(column);
                                values++;
                                assertFalse(CardNumbers.foundIn(value), () -> "stored in " + table + ": " + value
                                        + " (seed " + SEED + ")");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(values > 1_000, "the tables hold " + values + " text values only");
    }

    private static void assertNoCardNumberLogged(Node node) {
        assertFalse(node.log().isEmpty(), "nothing was logged at all");
        for (String line : node.log()) {
            assertFalse(CardNumbers.foundIn(line), "logged: " + line + " (seed " + SEED + ")");
        }
    }

    /** One {@code serve} node on H2 under a temporary directory, or in a PostgreSQL schema of its own. */
    private static final class Node implements AutoCloseable {

        private static final Logger PAYENGINE = (Logger) LoggerFactory.getLogger("org.payengine");

        private final StandaloneEngine engine;
        private final URI base;
        private final Optional<PostgresSchema> postgres;
        private final Path data;
        private final ListAppender<ILoggingEvent> log;
        private final Level levelBefore;
        private boolean stopped;

        private Node(StandaloneEngine engine, Optional<PostgresSchema> postgres, Path data,
                     ListAppender<ILoggingEvent> log, Level levelBefore) {
            this.engine = engine;
            this.base = engine.localUrl();
            this.postgres = postgres;
            this.data = data;
            this.log = log;
            this.levelBefore = levelBefore;
        }

        static Node start(String backend, AntomSimulator antom, Path data) {
            Optional<PostgresSchema> postgres = Optional.empty();
            if (backend.equals("PostgreSQL")) {
                postgres = PostgresSchema.create("the merchant API fuzz test");
                Assumptions.assumeTrue(postgres.isPresent(), "PostgreSQL is not configured");
            }
            Map<String, String> environment = ServeEnvironment.of(antom, data);
            postgres.ifPresent(schema -> {
                environment.put("PAYENGINE_DB_URL", schema.url());
                environment.put("PAYENGINE_DB_SCHEMA", schema.schema());
            });
            // every line the engine logs, INFO included (events go to the log), is kept to be read afterwards
            ListAppender<ILoggingEvent> log = new ListAppender<>();
            log.start();
            Level before = PAYENGINE.getLevel();
            PAYENGINE.setLevel(Level.INFO);
            PAYENGINE.addAppender(log);
            try {
                StandaloneEngine engine = ServeCommand.start(ConfigurationValues.of(environment));
                // what was logged while requests were served: the start-up lines tell the machine's paths and ports
                log.list.clear();
                return new Node(engine, postgres, data, log, before);
            } catch (RuntimeException e) {
                PAYENGINE.detachAppender(log);
                PAYENGINE.setLevel(before);
                throw e;
            }
        }

        HttpResponse<String> send(FuzzedRequests.Request request) throws IOException, InterruptedException {
            HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.path()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ServeEnvironment.API_KEY)
                    .method(request.method(), request.body().length == 0 && request.method().equals("GET")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            if (request.contentType() != null) {
                http.header("Content-Type", request.contentType());
            }
            return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
            return send(new FuzzedRequests.Request("POST", path, "application/json",
                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8), path));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(new FuzzedRequests.Request("GET", path, null, new byte[0], path));
        }

        /** Stops the node (its pool closes), so that its database can be read as it was left. */
        void stop() {
            if (!stopped) {
                stopped = true;
                engine.stop();
            }
        }

        Connection database() throws SQLException {
            if (postgres.isPresent()) {
                return DriverManager.getConnection(postgres.get().url());
            }
            return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("payengine")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        }

        String schema() {
            return postgres.map(PostgresSchema::schema).orElse("public");
        }

        List<String> log() {
            List<String> lines = new ArrayList<>();
            for (ILoggingEvent event : List.copyOf(log.list)) {
                StringBuilder line = new StringBuilder(event.getFormattedMessage());
                for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    line.append(" | ").append(cause.getMessage());
                }
                lines.add(line.toString());
            }
            return lines;
        }

        @Override
        public void close() throws SQLException {
            try {
                stop();
            } finally {
                PAYENGINE.detachAppender(log);
                PAYENGINE.setLevel(levelBefore);
                if (postgres.isPresent()) {
                    postgres.get().close();
                }
            }
        }
    }
}
