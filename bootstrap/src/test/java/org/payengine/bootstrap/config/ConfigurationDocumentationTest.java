package org.payengine.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.payengine.adapters.http.webhook.WebhookSettings;
import org.payengine.application.worker.WorkerSettings;

/**
 * The README's configuration table is the catalogue of settings: every setting, with its default — including the
 * names the workers' settings read themselves, whose documented defaults must be the ones they use.
 */
class ConfigurationDocumentationTest {

    @Test
    void the_readme_lists_every_setting_with_its_default() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (Setting setting : Setting.values()) {
            String row = "| `" + setting.variable() + "` | ";
            assertTrue(readme.contains(row), "README.md has no row for " + setting.variable());
            setting.defaultValue().ifPresent(value -> assertTrue(
                    readme.contains(row + value + " |") || readme.contains(row + "`" + value + "` |"),
                    "README.md gives " + setting.variable() + " another default than " + value));
        }
    }

    @Test
    void every_name_the_worker_settings_read_is_a_setting() {
        List<String> names = namesDeclaredBy(WorkerSettings.class);

        assertFalse(names.isEmpty());
        for (String name : names) {
            assertTrue(Setting.named(name).isPresent(), name + " is read by WorkerSettings but is no Setting");
        }
    }

    @Test
    void the_documented_worker_defaults_are_the_ones_the_workers_use() {
        WorkerSettings nothingSet = WorkerSettings.fromNamedValues(name -> null).withNodeId("node");

        for (String name : namesDeclaredBy(WorkerSettings.class)) {
            if (name.equals(WorkerSettings.NODE_ID)) {
                continue; // made up per process
            }
            String documented = Setting.named(name).orElseThrow().defaultValue()
                    .orElseThrow(() -> new AssertionError(name + " documents no default"));

            WorkerSettings defaultSet = WorkerSettings.fromNamedValues(
                    asked -> asked.equals(name) ? documented : null).withNodeId("node");

            assertEquals(nothingSet, defaultSet, name + "=" + documented + " is not what the workers use by default");
        }
    }

    @Test
    void every_name_the_webhook_settings_read_is_a_setting_with_the_default_they_use() {
        List<String> names = namesDeclaredBy(WebhookSettings.class);

        assertFalse(names.isEmpty());
        for (String name : names) {
            assertTrue(Setting.named(name).isPresent(), name + " is read by WebhookSettings but is no Setting");
        }
        assertEquals(Optional.of(Long.toString(WebhookSettings.DEFAULT_TIMEOUT.toMillis())),
                Setting.WEBHOOK_TIMEOUT_MILLIS.defaultValue());
    }

    /** The {@code PAYENGINE_*} names a settings class declares as its public constants (the names it reads). */
    static List<String> namesDeclaredBy(Class<?> settings) {
        return Arrays.stream(settings.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ConfigurationDocumentationTest::constantValue)
                .filter(name -> name.startsWith(Setting.PREFIX))
                .toList();
    }

    private static String constantValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
