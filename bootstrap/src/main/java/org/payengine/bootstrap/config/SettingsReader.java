package org.payengine.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads typed settings and collects every problem instead of stopping at the first, so that one failed start
 * names all of them. Each problem starts with the setting's name; a secret's value is never repeated.
 */
final class SettingsReader {

    private final ConfigurationValues values;
    private final List<String> problems = new ArrayList<>();

    SettingsReader(ConfigurationValues values) {
        this.values = values;
        for (String name : values.unknownInFile()) {
            problems.add(name + " (in the --config file): is not a setting of PayEngine");
        }
    }

    Optional<String> text(Setting setting) {
        return values.get(setting);
    }

    String required(Setting setting, String hint) {
        Optional<String> value = values.get(setting);
        if (value.isEmpty()) {
            problems.add(setting.variable() + ": is not set; " + hint);
            return null;
        }
        return value.get();
    }

    int integer(Setting setting, int absent, int min, int max) {
        Optional<String> value = values.get(setting);
        if (value.isEmpty()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number < min || number > max) {
                problems.add(setting.variable() + ": must be between " + min + " and " + max + ", was " + number);
                return absent;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(setting.variable() + ": '" + shown(setting, value.get()) + "' is not a whole number");
            return absent;
        }
    }

    Duration millis(Setting setting, Duration absent, Duration min) {
        int millis = integer(setting, (int) absent.toMillis(), (int) min.toMillis(), Integer.MAX_VALUE);
        return Duration.ofMillis(millis);
    }

    boolean flag(Setting setting, boolean absent) {
        Optional<String> value = values.get(setting);
        if (value.isEmpty()) {
            return absent;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problems.add(setting.variable() + ": '" + shown(setting, value.get()) + "' is neither true nor false");
                return absent;
        }
    }

    /** An absolute {@code http(s)} URL without query or fragment, or empty when absent or unusable. */
    Optional<URI> httpUrl(Setting setting) {
        Optional<String> value = values.get(setting);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add(setting.variable() + ": '" + value.get()
                        + "' is not an absolute http(s) URL with a host (and without query or fragment)");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(setting.variable() + ": '" + value.get() + "' is not a URL: " + e.getReason());
            return Optional.empty();
        }
    }

    /**
     * Runs a part's own validation (an adapter's settings builder), keeping its message as a problem. Adapters
     * name the setting in their messages; {@code part} says which part failed when they do not.
     */
    <T> Optional<T> attempt(String part, Supplier<T> build) {
        try {
            return Optional.ofNullable(build.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(message.startsWith(Setting.PREFIX) ? message : part + ": " + message);
            return Optional.empty();
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** @throws ConfigurationException with every problem found so far */
    void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private static String shown(Setting setting, String value) {
        return setting.secret() ? "(secret)" : value;
    }
}
