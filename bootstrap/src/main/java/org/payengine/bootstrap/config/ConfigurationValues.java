package org.payengine.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named values the engine is configured with: the {@code PAYENGINE_*} environment variables over the
 * keys of an optional {@code --config} properties file (same names; a variable set in the environment wins,
 * so one file can serve several nodes that differ in a variable or two). Blank values count as absent.
 */
public final class ConfigurationValues {

    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final List<String> unknownInFile;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();

    private ConfigurationValues(Map<String, String> values, Map<String, String> origins, List<String> unknownInFile) {
        this.values = Collections.unmodifiableMap(values);
        this.origins = Collections.unmodifiableMap(origins);
        this.unknownInFile = List.copyOf(unknownInFile);
    }

    /** Only these values (tests, or a program that configures the engine in code). */
    public static ConfigurationValues of(Map<String, String> values) {
        return from(values, null);
    }

    /**
     * The environment's {@code PAYENGINE_*} variables over the file's keys.
     *
     * @param configFile a properties file (ISO 8859-1 escapes or UTF-8), or {@code null}
     * @throws ConfigurationException when the file cannot be read
     */
    public static ConfigurationValues from(Map<String, String> environment, Path configFile) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        if (configFile != null) {
            Properties file = read(configFile);
            for (String name : file.stringPropertyNames()) {
                if (!Setting.isKnown(name)) {
                    unknown.add(name);
                    continue;
                }
                put(values, origins, name, file.getProperty(name), "file " + configFile);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(Setting.PREFIX)) {
                put(values, origins, name, value, "environment");
            }
        });
        return new ConfigurationValues(values, origins, unknown);
    }

    private static void put(Map<String, String> values, Map<String, String> origins, String name, String value,
                            String origin) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
            origins.put(name, origin);
        }
    }

    private static Properties read(Path configFile) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(List.of("--config: the file " + configFile + " does not exist"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(List.of("--config: cannot read " + configFile + ": " + e.getMessage()));
        }
        return properties;
    }

    /** The value of a setting, empty when absent or blank. */
    public Optional<String> get(Setting setting) {
        return get(setting.variable());
    }

    /** The value of a name, empty when absent or blank. */
    public Optional<String> get(String name) {
        asked.add(name);
        return Optional.ofNullable(values.get(name));
    }

    /** The names asked for so far: a test proves with it that every {@link Setting} is read by some reader. */
    Set<String> asked() {
        return Set.copyOf(asked);
    }

    /** Where a value came from ({@code environment} or the file), for the configuration dump. */
    public Optional<String> origin(Setting setting) {
        return Optional.ofNullable(origins.get(setting.variable()));
    }

    /** {@code PAYENGINE_*} names set in the environment that are no setting: probably misspelt. */
    public List<String> unknownInEnvironment() {
        return origins.entrySet().stream()
                .filter(entry -> entry.getValue().equals("environment") && !Setting.isKnown(entry.getKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Keys of the {@code --config} file that are no setting: an error, since nothing else reads the file. */
    public List<String> unknownInFile() {
        return unknownInFile;
    }
}
