package org.payengine.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.payengine.adapters.antom.AntomSettings;
import org.payengine.adapters.http.HttpSettings;
import org.payengine.adapters.http.webhook.WebhookSettings;
import org.payengine.adapters.persistence.DatabaseSettings;
import org.payengine.application.worker.WorkerSettings;
import org.payengine.simulator.crypto.PemKeys;
import org.payengine.simulator.crypto.SimulatorKeys;

/**
 * The README's settings tables are the catalogue {@link Setting}, and {@link Setting} is what the readers read: every
 * row is a setting and every setting a row with its default, every setting is read, and the defaults the readers fall
 * back on are the ones the modules' own records use for an application that embeds the engine.
 */
class ConfigurationDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(PAYENGINE_[A-Z0-9_]+)` \\| ", Pattern.MULTILINE);
    private static final SimulatorKeys KEYS = SimulatorKeys.generate();

    @Test
    void the_readme_lists_every_setting_with_its_default() throws Exception {
        String readme = readme();

        for (Setting setting : Setting.values()) {
            String row = "| `" + setting.variable() + "` | ";
            assertTrue(readme.contains(row), "README.md has no row for " + setting.variable());
            setting.defaultValue().ifPresent(value -> assertTrue(
                    readme.contains(row + value + " |") || readme.contains(row + "`" + value + "` |"),
                    "README.md gives " + setting.variable() + " another default than " + value));
        }
    }

    @Test
    void every_row_of_the_readme_is_a_setting() throws Exception {
        Matcher rows = ROW.matcher(readme());
        Set<String> documented = new TreeSet<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }

        Set<String> settings = Arrays.stream(Setting.values()).map(Setting::variable)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(settings, documented);
    }

    @Test
    void every_setting_is_read() {
        ConfigurationValues values = ConfigurationValues.of(complete());

        EngineConfiguration.read(values);

        Set<String> unread = new TreeSet<>();
        for (Setting setting : Setting.values()) {
            if (!values.asked().contains(setting.variable())) {
                unread.add(setting.variable());
            }
        }
        assertEquals(Set.of(), unread, "settings no reader reads");
    }

    @Test
    void the_defaults_read_are_the_ones_the_modules_use_when_embedded() {
        Map<String, String> values = complete();
        values.put(Setting.WEBHOOK_URL.variable(), "https://shop.example/hooks");
        values.put(Setting.WEBHOOK_SECRET.variable(), "whsec-0123456789abcdefghijklmn");

        EngineConfiguration read = EngineConfiguration.read(ConfigurationValues.of(values));

        assertEquals(WorkerSettings.defaults().withNodeId("node"), read.workers().withNodeId("node"));
        assertEquals(DatabaseSettings.embeddedUnder(DatabaseSettings.DEFAULT_DATA_DIRECTORY), read.database());
        HttpSettings http = read.http();
        assertEquals(HttpSettings.of(http.host(), http.port(), http.apiKeys(), http.publicBaseUrl()), http);
        AntomSettings antom = read.antom();
        assertEquals(List.of(AntomSettings.DEFAULT_TIMEOUT, AntomSettings.DEFAULT_TIMEOUT),
                List.of(antom.connectTimeout(), antom.readTimeout()));
        assertEquals(Optional.of(WebhookSettings.DEFAULT_TIMEOUT), read.webhook().map(WebhookSettings::timeout));
    }

    @Test
    void every_literal_default_is_one_its_reader_takes() {
        for (Setting setting : Setting.values()) {
            Optional<String> documented = setting.defaultValue().filter(ConfigurationDocumentationTest::literal);
            if (documented.isEmpty()) {
                continue;
            }
            Map<String, String> values = complete();
            values.put(setting.variable(), documented.get().replace("`", ""));

            EngineConfiguration.read(ConfigurationValues.of(values)); // no problem: the default is a usable value
        }
    }

    /** A default written as a value, not as a description of how it is worked out. */
    private static boolean literal(String value) {
        return !value.contains(" ") && !value.contains("<");
    }

    /** Everything {@code serve} requires, nothing more. */
    static Map<String, String> complete() {
        Map<String, String> values = new HashMap<>();
        values.put(Setting.API_KEYS.variable(), "k1-0123456789abcdef");
        values.put(Setting.ANTOM_ENDPOINT.variable(), "http://127.0.0.1:8081");
        values.put(Setting.ANTOM_CLIENT_ID.variable(), KEYS.clientId());
        values.put(Setting.ANTOM_MERCHANT_PRIVATE_KEY.variable(), PemKeys.base64(KEYS.merchantPrivateKey().orElseThrow()));
        values.put(Setting.ANTOM_PUBLIC_KEY.variable(), PemKeys.base64(KEYS.antomPublicKey()));
        return values;
    }

    private static String readme() throws Exception {
        return Files.readString(Path.of("..", "README.md"));
    }
}
