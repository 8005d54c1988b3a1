package org.payengine.bootstrap.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.payengine.adapters.antom.AntomSettings;

/** Reads the Antom settings ({@code PAYENGINE_ANTOM_*}) into {@link AntomSettings}, deriving the notify URL. */
final class AntomConfiguration {

    /** Where the engine receives Antom's notifications, under its public URL. */
    static final String NOTIFICATION_PATH = "/notifications/antom";

    private static final Set<String> REGIONS = Set.of("SG", "US", "DE");

    private AntomConfiguration() {
    }

    /**
     * @param publicUrl the engine's public base URL, from which the notify URL is derived unless
     *                  {@code PAYENGINE_ANTOM_NOTIFY_URL} says otherwise
     */
    static Optional<AntomSettings> read(SettingsReader reader, ConfigurationValues values, URI publicUrl,
                                        boolean publicUrlConfigured) {
        String endpoint = values.get(Setting.ANTOM_ENDPOINT).orElse("");
        if (REGIONS.contains(endpoint.toUpperCase(Locale.ROOT)) && !publicUrlConfigured
                && values.get(Setting.ANTOM_NOTIFY_URL).isEmpty()) {
            reader.problem(Setting.PUBLIC_URL.variable() + ": is not set; Antom (" + endpoint
                    + ") must be told where to send notifications: the engine's externally reachable base URL");
        }
        boolean complete = present(reader, values, Setting.ANTOM_ENDPOINT, null)
                & present(reader, values, Setting.ANTOM_CLIENT_ID, null)
                & present(reader, values, Setting.ANTOM_MERCHANT_PRIVATE_KEY, Setting.ANTOM_MERCHANT_PRIVATE_KEY_FILE)
                & present(reader, values, Setting.ANTOM_PUBLIC_KEY, Setting.ANTOM_PUBLIC_KEY_FILE);
        if (!complete) {
            return Optional.empty();
        }
        String notifyUrl = values.get(Setting.ANTOM_NOTIFY_URL).orElse(withoutTrailingSlash(publicUrl) + NOTIFICATION_PATH);
        return reader.attempt("Antom", () -> AntomSettings.fromNamedValues(name ->
                name.equals(AntomSettings.NOTIFY_URL) ? notifyUrl : values.get(name).orElse(null)));
    }

    /** Whether the setting (or its {@code _FILE} twin) is given; records a problem naming it when not. */
    private static boolean present(SettingsReader reader, ConfigurationValues values, Setting setting, Setting file) {
        if (values.get(setting).isPresent() || (file != null && values.get(file).isPresent())) {
            return true;
        }
        reader.problem(setting.variable() + ": is not set" + (file == null ? "" : " (nor " + file.variable() + ")")
                + "; " + setting.meaning());
        return false;
    }

    static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
