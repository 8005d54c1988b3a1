package org.payengine.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the catalogue of settings: every setting, with its default. */
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
}
