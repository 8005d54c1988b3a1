package org.payengine.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.bootstrap.config.DatabaseConfigurationTest.assertStartsWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.simulator.crypto.PemKeys;
import org.payengine.simulator.crypto.SimulatorKeys;

class EngineConfigurationTest {

    private static final SimulatorKeys KEYS = SimulatorKeys.generate();
    private static final String API_KEY = "k1-0123456789abcdef";
    private static final String PRIVATE_KEY = PemKeys.base64(KEYS.merchantPrivateKey().orElseThrow());

    private static Map<String, String> complete() {
        Map<String, String> values = new HashMap<>();
        values.put("PAYENGINE_API_KEYS", API_KEY + ", k2-0123456789abcdef");
        values.put("PAYENGINE_ANTOM_ENDPOINT", "http://127.0.0.1:8081");
        values.put("PAYENGINE_ANTOM_CLIENT_ID", KEYS.clientId());
        values.put("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", PRIVATE_KEY);
        values.put("PAYENGINE_ANTOM_PUBLIC_KEY", PemKeys.base64(KEYS.antomPublicKey()));
        return values;
    }

    @Test
    void a_complete_configuration_gets_every_default() {
        EngineConfiguration configuration = EngineConfiguration.read(ConfigurationValues.of(complete()));

        assertEquals("0.0.0.0", configuration.http().host());
        assertEquals(8080, configuration.http().port());
        assertEquals(List.of(API_KEY, "k2-0123456789abcdef"), configuration.http().apiKeys());
        assertEquals(URI.create("http://127.0.0.1:8080"), configuration.http().publicBaseUrl());
        assertEquals(65536, configuration.http().maxBodyBytes());
        assertFalse(configuration.http().demoPages());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080/notifications/antom")),
                configuration.antom().notifyUrl());
        assertFalse(configuration.antom().sandbox());
        assertEquals(Path.of("data"), configuration.database().dataDirectory());
        assertTrue(configuration.workers().enabled());
        assertTrue(configuration.migrateOnStart());
        assertEquals(Duration.ofSeconds(20), configuration.shutdownGrace());
    }

    @Test
    void the_notify_url_follows_the_public_url_unless_set_itself() {
        Map<String, String> values = complete();
        values.put("PAYENGINE_PUBLIC_URL", "https://pay.example.com/");
        values.put("PAYENGINE_HTTP_PORT", "9090");

        EngineConfiguration derived = EngineConfiguration.read(ConfigurationValues.of(values));
        values.put("PAYENGINE_ANTOM_NOTIFY_URL", "https://hooks.example.com/antom");
        EngineConfiguration explicit = EngineConfiguration.read(ConfigurationValues.of(values));

        assertEquals(9090, derived.http().port());
        assertEquals(Optional.of(URI.create("https://pay.example.com/notifications/antom")), derived.antom().notifyUrl());
        assertEquals(Optional.of(URI.create("https://hooks.example.com/antom")), explicit.antom().notifyUrl());
    }

    @Test
    void keys_are_read_from_files_too(@TempDir Path directory) throws Exception {
        KEYS.writeTo(directory);
        Map<String, String> values = complete();
        values.remove("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY");
        values.remove("PAYENGINE_ANTOM_PUBLIC_KEY");
        values.put("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY_FILE", directory.resolve("merchant_private_key.pem").toString());
        values.put("PAYENGINE_ANTOM_PUBLIC_KEY_FILE", directory.resolve("antom_public_key.pem").toString());

        EngineConfiguration configuration = EngineConfiguration.read(ConfigurationValues.of(values));

        assertEquals(KEYS.clientId(), configuration.antom().clientId());
    }

    @Test
    void nothing_configured_names_every_required_setting_at_once() {
        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(Map.of())));

        assertStartsWith("PAYENGINE_API_KEYS: is not set", failure.problems());
        assertStartsWith("PAYENGINE_ANTOM_ENDPOINT: is not set", failure.problems());
        assertStartsWith("PAYENGINE_ANTOM_CLIENT_ID: is not set", failure.problems());
        assertStartsWith("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY: is not set (nor PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY_FILE)",
                failure.problems());
        assertStartsWith("PAYENGINE_ANTOM_PUBLIC_KEY: is not set (nor PAYENGINE_ANTOM_PUBLIC_KEY_FILE)",
                failure.problems());
        assertEquals(5, failure.problems().size(), failure.problems()::toString);
    }

    @Test
    void each_bad_value_is_named() {
        Map<String, String> values = complete();
        values.put("PAYENGINE_HTTP_PORT", "80000");
        values.put("PAYENGINE_PUBLIC_URL", "pay.example.com");
        values.put("PAYENGINE_WORKERS", "yes");
        values.put("PAYENGINE_HTTP_MAX_BODY_BYTES", "12");
        values.put("PAYENGINE_SHUTDOWN_GRACE_SECONDS", "soon");
        values.put("PAYENGINE_DB_POOL_SIZE", "-1");

        List<String> problems = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(values))).problems();

        assertStartsWith("PAYENGINE_HTTP_PORT: must be between 0 and 65535, was 80000", problems);
        assertStartsWith("PAYENGINE_PUBLIC_URL: 'pay.example.com' is not an absolute http(s) URL", problems);
        assertStartsWith("PAYENGINE_WORKERS: 'yes' is neither true nor false", problems);
        assertStartsWith("PAYENGINE_HTTP_MAX_BODY_BYTES: must be between 1024 and", problems);
        assertStartsWith("PAYENGINE_SHUTDOWN_GRACE_SECONDS: 'soon' is not a whole number", problems);
        assertStartsWith("PAYENGINE_DB_POOL_SIZE: must be between 1 and 1000, was -1", problems);
        assertEquals(6, problems.size(), problems::toString);
    }

    @Test
    void a_short_api_key_is_refused_without_being_repeated() {
        Map<String, String> values = complete();
        values.put("PAYENGINE_API_KEYS", "short-key");

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(values)));

        assertStartsWith("PAYENGINE_API_KEYS: API key #1 must be at least 16", failure.problems());
        assertFalse(failure.getMessage().contains("short-key"));
    }

    @Test
    void antoms_own_checks_name_the_setting() {
        Map<String, String> badKey = complete();
        badKey.put("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", "bm90IGEga2V5");
        Map<String, String> badEndpoint = complete();
        badEndpoint.put("PAYENGINE_ANTOM_ENDPOINT", "ftp://antom");

        List<String> keyProblems = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(badKey))).problems();
        List<String> endpointProblems = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(badEndpoint))).problems();

        assertEquals(1, keyProblems.size(), keyProblems::toString);
        assertTrue(keyProblems.get(0).contains("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY"), keyProblems::toString);
        assertEquals(1, endpointProblems.size(), endpointProblems::toString);
        assertTrue(endpointProblems.get(0).contains("Antom endpoint: 'ftp://antom'"), endpointProblems::toString);
    }

    @Test
    void a_region_of_antom_needs_the_public_url_antom_can_reach() {
        Map<String, String> values = complete();
        values.put("PAYENGINE_ANTOM_ENDPOINT", "SG");

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(values)));

        assertStartsWith("PAYENGINE_PUBLIC_URL: is not set; Antom (SG) must be told where to send notifications",
                failure.problems());
    }

    @Test
    void the_configuration_dump_masks_every_secret(@TempDir Path directory) throws Exception {
        Map<String, String> environment = complete();
        environment.put("PAYENGINE_DB_PASSWORD", "hunter2-db-password");
        Path file = directory.resolve("payengine.properties");
        Files.writeString(file, "PAYENGINE_HTTP_PORT=9191\n");

        String dump = String.join("\n", EngineConfiguration.describe(ConfigurationValues.from(environment, file)));

        assertFalse(dump.contains(API_KEY), dump);
        assertFalse(dump.contains("hunter2-db-password"), dump);
        assertFalse(dump.contains(PRIVATE_KEY.substring(0, 40)), dump);
        assertTrue(dump.contains("PAYENGINE_API_KEYS") && dump.contains("****** (2 values)"), dump);
        assertTrue(dump.contains("PAYENGINE_HTTP_PORT") && dump.contains("9191  (file " + file + ")"), dump);
        assertTrue(dump.contains("PAYENGINE_HTTP_HOST") && dump.contains("0.0.0.0  (default)"), dump);
        assertEquals(Setting.values().length, dump.lines().count());
    }
}
