package org.payengine.bootstrap.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.payengine.adapters.http.webhook.WebhookSettings;

/**
 * Reads the webhook settings ({@code PAYENGINE_WEBHOOK_*}) into {@link WebhookSettings}: where the standalone engine
 * posts its events, signed. Empty when no URL is set (the events then go to the log). The secret is never repeated
 * in a problem.
 */
public final class WebhookConfiguration {

    private WebhookConfiguration() {
    }

    /**
     * The webhook settings alone, for {@code demo}: nothing else of {@code serve} needs to be configured.
     *
     * @throws ConfigurationException naming every setting that is wrong
     */
    public static Optional<WebhookSettings> read(ConfigurationValues values) {
        SettingsReader reader = new SettingsReader(values);
        Optional<WebhookSettings> settings = read(reader);
        reader.failOnProblems();
        return settings;
    }

    static Optional<WebhookSettings> read(SettingsReader reader) {
        Duration timeout = reader.millis(Setting.WEBHOOK_TIMEOUT_MILLIS, Duration.ofMillis(1));
        Optional<URI> url = reader.url(Setting.WEBHOOK_URL);
        boolean urlGiven = reader.text(Setting.WEBHOOK_URL).isPresent();
        Optional<String> secret = reader.secretOrFile(Setting.WEBHOOK_SECRET, Setting.WEBHOOK_SECRET_FILE);
        boolean secretGiven = reader.text(Setting.WEBHOOK_SECRET).isPresent()
                || reader.text(Setting.WEBHOOK_SECRET_FILE).isPresent();
        if (!urlGiven) {
            if (secretGiven) {
                reader.problem(Setting.WEBHOOK_SECRET.variable() + ": is set but " + Setting.WEBHOOK_URL.variable()
                        + " is not");
            }
            return Optional.empty();
        }
        if (!secretGiven) {
            reader.problem(Setting.WEBHOOK_SECRET.variable() + ": is required with " + Setting.WEBHOOK_URL.variable());
            return Optional.empty();
        }
        if (url.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return reader.attempt(Map.of("url", Setting.WEBHOOK_URL, "secret", Setting.WEBHOOK_SECRET,
                "timeout", Setting.WEBHOOK_TIMEOUT_MILLIS), () -> new WebhookSettings(url.get(), secret.get(), timeout));
    }
}
