package org.payengine.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.payengine.adapters.antom.AntomEndpoint;
import org.payengine.adapters.antom.AntomSettings;

/** Reads the Antom settings ({@code PAYENGINE_ANTOM_*}) into {@link AntomSettings}, deriving the notify URL. */
final class AntomConfiguration {

    /** Where the engine receives Antom's notifications, under its public URL. */
    static final String NOTIFICATION_PATH = "/notifications/antom";

    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private AntomConfiguration() {
    }

    /**
     * @param publicUrl the engine's public base URL, from which the notify URL is derived unless
     *                  {@code PAYENGINE_ANTOM_NOTIFY_URL} says otherwise
     */
    static Optional<AntomSettings> read(SettingsReader reader, URI publicUrl, boolean publicUrlConfigured) {
        String endpoint = reader.text(Setting.ANTOM_ENDPOINT).orElse("");
        if (AntomEndpoint.isRegion(endpoint) && !publicUrlConfigured
                && reader.text(Setting.ANTOM_NOTIFY_URL).isEmpty()) {
            reader.problem(Setting.PUBLIC_URL.variable() + ": is not set; Antom (" + endpoint
                    + ") must be told where to send notifications: the engine's externally reachable base URL");
        }
        boolean sandbox = reader.flag(Setting.ANTOM_SANDBOX);
        boolean allowPlainHttp = reader.flag(Setting.ANTOM_ALLOW_PLAIN_HTTP);
        Duration connectTimeout = reader.millis(Setting.ANTOM_CONNECT_TIMEOUT_MILLIS, ONE_MILLI);
        Duration readTimeout = reader.millis(Setting.ANTOM_READ_TIMEOUT_MILLIS, ONE_MILLI);
        String notifyUrl = reader.text(Setting.ANTOM_NOTIFY_URL)
                .orElse(withoutTrailingSlash(publicUrl) + NOTIFICATION_PATH);
        Optional<String> clientId = present(reader, Setting.ANTOM_CLIENT_ID, reader.text(Setting.ANTOM_CLIENT_ID), null);
        Optional<String> privateKey = present(reader, Setting.ANTOM_MERCHANT_PRIVATE_KEY,
                reader.secretOrFile(Setting.ANTOM_MERCHANT_PRIVATE_KEY, Setting.ANTOM_MERCHANT_PRIVATE_KEY_FILE),
                Setting.ANTOM_MERCHANT_PRIVATE_KEY_FILE);
        Optional<String> publicKey = present(reader, Setting.ANTOM_PUBLIC_KEY,
                reader.secretOrFile(Setting.ANTOM_PUBLIC_KEY, Setting.ANTOM_PUBLIC_KEY_FILE),
                Setting.ANTOM_PUBLIC_KEY_FILE);
        Optional<String> endpointGiven = present(reader, Setting.ANTOM_ENDPOINT, reader.text(Setting.ANTOM_ENDPOINT),
                null);
        AntomSettings.Builder builder = AntomSettings.builder().sandbox(sandbox).allowPlainHttp(allowPlainHttp)
                .connectTimeout(connectTimeout).readTimeout(readTimeout);
        boolean usable = clientId.flatMap(id -> reader.attempt(Setting.ANTOM_CLIENT_ID, () -> builder.clientId(id)))
                .isPresent()
                & privateKey.flatMap(key -> reader.attempt(keySetting(reader, Setting.ANTOM_MERCHANT_PRIVATE_KEY,
                        Setting.ANTOM_MERCHANT_PRIVATE_KEY_FILE), () -> builder.merchantPrivateKey(key))).isPresent()
                & publicKey.flatMap(key -> reader.attempt(keySetting(reader, Setting.ANTOM_PUBLIC_KEY,
                        Setting.ANTOM_PUBLIC_KEY_FILE), () -> builder.antomPublicKey(key))).isPresent()
                & reader.attempt(Setting.ANTOM_NOTIFY_URL, () -> builder.notifyUrl(notifyUrl)).isPresent()
                & endpointGiven.isPresent();
        if (!usable) {
            return Optional.empty();
        }
        return reader.attempt(Setting.ANTOM_ENDPOINT, () -> builder.endpoint(endpointGiven.get()).build());
    }

    /** The value when given; a problem naming the setting (and its {@code _FILE} twin) when not. */
    private static Optional<String> present(SettingsReader reader, Setting setting, Optional<String> value, Setting file) {
        if (value.isEmpty() && reader.text(setting).isEmpty() && (file == null || reader.text(file).isEmpty())) {
            reader.problem(setting.variable() + ": is not set" + (file == null ? "" : " (nor " + file.variable() + ")")
                    + "; " + setting.meaning());
        }
        return value;
    }

    /** Which of a key's two settings a problem with the key is reported under: the one that was given. */
    private static Setting keySetting(SettingsReader reader, Setting value, Setting file) {
        return reader.text(value).isPresent() ? value : file;
    }

    static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
