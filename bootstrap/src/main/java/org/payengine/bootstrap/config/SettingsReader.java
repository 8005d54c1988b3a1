package org.payengine.bootstrap.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads typed settings and collects every problem instead of stopping at the first, so that one failed start
 * names all of them. Each problem starts with the setting's name; a secret's value is never repeated. An absent
 * setting takes the literal default of its {@link Setting}, so a default lives in one place; a value that cannot be
 * used is a problem, and the default stands in for it so that reading goes on.
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

    /** The value given, or empty: for settings whose default the reader works out. */
    Optional<String> text(Setting setting) {
        return values.get(setting);
    }

    /** The value given, or the setting's literal default. */
    String textOrDefault(Setting setting) {
        return values.get(setting).orElseGet(() -> literalDefault(setting));
    }

    String required(Setting setting, String hint) {
        Optional<String> value = values.get(setting);
        if (value.isEmpty()) {
            problems.add(setting.variable() + ": is not set; " + hint);
            return null;
        }
        return value.get();
    }

    int integer(Setting setting, int min, int max) {
        return parsed(setting, "is not a whole number", Integer::parseInt, number -> number >= min && number <= max,
                "must be between " + min + " and " + max);
    }

    double number(Setting setting, double min, double max) {
        return parsed(setting, "is not a number", Double::parseDouble, number -> number >= min && number <= max,
                "must be between " + min + " and " + max);
    }

    Duration seconds(Setting setting, Duration min) {
        return duration(setting, Duration::ofSeconds, min);
    }

    Duration millis(Setting setting, Duration min) {
        return duration(setting, Duration::ofMillis, min);
    }

    boolean flag(Setting setting) {
        return parsed(setting, "is neither true nor false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        }, value -> true, "");
    }

    /** One of an enum's constants, in any case. */
    <E extends Enum<E>> E choice(Setting setting, Class<E> choices) {
        List<String> names = Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList();
        return parsed(setting, "is none of " + String.join(", ", names),
                text -> Enum.valueOf(choices, text.toUpperCase(Locale.ROOT)), value -> true, "");
    }

    Path path(Setting setting) {
        return parsed(setting, "is not a path", Path::of, value -> true, "");
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

    /** A URL as given (its module checks scheme and host), or empty when absent or no URL at all. */
    Optional<URI> url(Setting setting) {
        Optional<String> value = values.get(setting);
        try {
            return value.map(URI::create);
        } catch (IllegalArgumentException e) {
            problems.add(setting.variable() + ": '" + value.get() + "' is not a URL");
            return Optional.empty();
        }
    }

    /**
     * A secret given either itself or as a file holding it ({@code …_FILE}): the text, stripped; empty when neither
     * is set, or when both are, or the file cannot be read (a problem then names the setting and the file, never
     * the content).
     */
    Optional<String> secretOrFile(Setting secret, Setting file) {
        Optional<String> value = values.get(secret);
        Optional<String> path = values.get(file);
        if (value.isPresent() && path.isPresent()) {
            problems.add(secret.variable() + " and " + file.variable() + ": both are set; set one");
            return Optional.empty();
        }
        if (value.isPresent()) {
            return value;
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(path.get()), StandardCharsets.UTF_8).strip());
        } catch (IOException | InvalidPathException e) {
            problems.add(file.variable() + ": cannot read " + path.get() + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /**
     * Runs a part's own validation (a module's settings record or builder), keeping its message as a problem of the
     * setting named.
     */
    <T> Optional<T> attempt(Setting setting, Supplier<T> build) {
        return attempt(setting.variable(), build);
    }

    /** Like {@link #attempt(Setting, Supplier)}, for a check that spans several settings, named by {@code part}. */
    <T> Optional<T> attempt(String part, Supplier<T> build) {
        try {
            return Optional.ofNullable(build.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(part + ": " + message);
            return Optional.empty();
        }
    }

    /**
     * Runs a module's own validation whose messages name the record's field before a colon ({@code secret: must
     * be …}): the problem names the setting of that field instead.
     */
    <T> Optional<T> attempt(Map<String, Setting> settingOfField, Supplier<T> build) {
        try {
            return Optional.ofNullable(build.get());
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(':');
            Setting setting = colon < 0 ? null : settingOfField.get(message.substring(0, colon));
            problems.add(setting == null ? message : setting.variable() + message.substring(colon));
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

    private Duration duration(Setting setting, Function<Long, Duration> unit, Duration min) {
        return parsed(setting, "is not a whole number", text -> unit.apply(Long.parseLong(text)),
                duration -> duration.compareTo(min) >= 0, "must be at least " + describe(min, unit));
    }

    private static String describe(Duration min, Function<Long, Duration> unit) {
        return unit.apply(1L).equals(Duration.ofSeconds(1)) ? Long.toString(min.toSeconds())
                : Long.toString(min.toMillis());
    }

    /** A value of the setting's own form, parsed by {@code parser} (which throws {@link IllegalArgumentException}). */
    <T> T parsed(Setting setting, String notUsable, Function<String, T> parser) {
        return parsed(setting, notUsable, parser, value -> true, "");
    }

    private <T> T parsed(Setting setting, String notUsable, Function<String, T> parser, Predicate<T> allowed,
                         String rule) {
        T fallback = parseDefault(setting, parser);
        Optional<String> value = values.get(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        T parsed;
        try {
            parsed = parser.apply(value.get());
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            problems.add(setting.variable() + ": '" + shown(setting, value.get()) + "' " + notUsable);
            return fallback;
        }
        if (!allowed.test(parsed)) {
            problems.add(setting.variable() + ": " + rule + ", was " + shown(setting, value.get()));
            return fallback;
        }
        return parsed;
    }

    private static <T> T parseDefault(Setting setting, Function<String, T> parser) {
        try {
            return parser.apply(literalDefault(setting));
        } catch (RuntimeException e) {
            throw new IllegalStateException(setting.variable() + " documents the default '"
                    + setting.defaultValue().orElse("") + "', which its reader cannot use", e);
        }
    }

    private static String literalDefault(Setting setting) {
        return setting.defaultValue().map(value -> value.startsWith("`") && value.endsWith("`")
                ? value.substring(1, value.length() - 1) : value).orElseThrow(() -> new IllegalStateException(
                setting.variable() + " has no default for its reader to fall back on"));
    }

    private static String shown(Setting setting, String value) {
        return setting.secret() ? "(secret)" : value;
    }
}
