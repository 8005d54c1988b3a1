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
import org.payengine.adapters.http.webhook.WebhookSettings;
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
    void demo_pages_on_an_address_other_machines_can_reach_are_refused_naming_both_settings() {
        Map<String, String> values = complete();
        values.put("PAYENGINE_DEMO_PAGES", "true");
        values.remove("PAYENGINE_HTTP_HOST"); // the default, 0.0.0.0

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(values)));

        assertStartsWith("PAYENGINE_DEMO_PAGES: the demo pages need no API key", failure.problems());
        assertTrue(failure.getMessage().contains("PAYENGINE_HTTP_HOST is 0.0.0.0"), failure.getMessage());

        values.put("PAYENGINE_HTTP_HOST", "127.0.0.1");
        assertTrue(EngineConfiguration.read(ConfigurationValues.of(values)).http().demoPages());
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
    void events_go_to_the_log_unless_a_webhook_url_is_set(@TempDir Path directory) throws Exception {
        Map<String, String> values = complete();
        EngineConfiguration withoutWebhook = EngineConfiguration.read(ConfigurationValues.of(values));
        Path secret = directory.resolve("webhook-secret");
        Files.writeString(secret, "whsec-0123456789abcdefghijklmn\n");
        values.put("PAYENGINE_WEBHOOK_URL", "https://shop.example.com/payengine-events");
        values.put("PAYENGINE_WEBHOOK_SECRET_FILE", secret.toString());
        values.put("PAYENGINE_WEBHOOK_TIMEOUT_MILLIS", "2500");

        EngineConfiguration withWebhook = EngineConfiguration.read(ConfigurationValues.of(values));

        assertEquals(Optional.empty(), withoutWebhook.webhook());
        WebhookSettings webhook = withWebhook.webhook().orElseThrow();
        assertEquals(URI.create("https://shop.example.com/payengine-events"), webhook.url());
        assertEquals("whsec-0123456789abcdefghijklmn", webhook.secret());
        assertEquals(Duration.ofMillis(2500), webhook.timeout());
    }

    @Test
    void a_webhook_without_its_secret_or_with_a_short_one_is_refused_without_repeating_it() {
        Map<String, String> noSecret = complete();
        noSecret.put("PAYENGINE_WEBHOOK_URL", "https://shop.example.com/payengine-events");
        Map<String, String> shortSecret = new HashMap<>(noSecret);
        shortSecret.put("PAYENGINE_WEBHOOK_SECRET", "too-short-secret");
        Map<String, String> plainHttp = new HashMap<>(shortSecret);
        plainHttp.put("PAYENGINE_WEBHOOK_URL", "http://shop.example.com/payengine-events");
        plainHttp.put("PAYENGINE_WEBHOOK_SECRET", "whsec-0123456789abcdefghijklmn");

        List<String> missing = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(noSecret))).problems();
        ConfigurationException tooShort = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(shortSecret)));
        List<String> notHttps = assertThrows(ConfigurationException.class,
                () -> EngineConfiguration.read(ConfigurationValues.of(plainHttp))).problems();

        assertEquals(List.of("PAYENGINE_WEBHOOK_SECRET: is required with PAYENGINE_WEBHOOK_URL"), missing);
        assertStartsWith("PAYENGINE_WEBHOOK_SECRET: must be at least 24 characters", tooShort.problems());
        assertFalse(tooShort.getMessage().contains("too-short-secret"));
        assertStartsWith("PAYENGINE_WEBHOOK_URL: plain http is allowed for a loopback host only", notHttps);
    }

    @Test
    void the_configuration_dump_masks_every_secret(@TempDir Path directory) throws Exception {
        Map<String, String> environment = complete();
        environment.put("PAYENGINE_DB_PASSWORD", "hunter2-db-password");
        environment.put("PAYENGINE_WEBHOOK_URL", "https://shop.example.com/payengine-events");
        environment.put("PAYENGINE_WEBHOOK_SECRET", "whsec-0123456789abcdefghijklmn");
        Path file = directory.resolve("payengine.properties");
        Files.writeString(file, "PAYENGINE_HTTP_PORT=9191\n");

        String dump = String.join("\n", EngineConfiguration.describe(ConfigurationValues.from(environment, file)));

        assertFalse(dump.contains(API_KEY), dump);
        assertFalse(dump.contains("hunter2-db-password"), dump);
        assertFalse(dump.contains(PRIVATE_KEY.substring(0, 40)), dump);
        assertFalse(dump.contains("whsec-0123456789abcdefghijklmn"), dump);
        assertTrue(dump.contains("PAYENGINE_WEBHOOK_SECRET") && dump.contains("******  (environment)"), dump);
        assertTrue(dump.contains("PAYENGINE_API_KEYS") && dump.contains("****** (2 values)"), dump);
        assertTrue(dump.contains("PAYENGINE_HTTP_PORT") && dump.contains("9191  (file " + file + ")"), dump);
        assertTrue(dump.contains("PAYENGINE_HTTP_HOST") && dump.contains("0.0.0.0  (default)"), dump);
        assertEquals(Setting.values().length, dump.lines().count());
    }
}
