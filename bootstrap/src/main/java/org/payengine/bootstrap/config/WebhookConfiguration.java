package org.payengine.bootstrap.config;

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
        Optional<WebhookSettings> settings = read(reader, values);
        reader.failOnProblems();
        return settings;
    }

    static Optional<WebhookSettings> read(SettingsReader reader, ConfigurationValues values) {
        return reader.attempt("webhook", () -> WebhookSettings.fromNamedValues(name -> values.get(name).orElse(null))
                .orElse(null));
    }
}
