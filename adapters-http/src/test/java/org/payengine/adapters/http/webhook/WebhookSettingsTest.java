package org.payengine.adapters.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    private static final String SECRET = "whsec-0123456789abcdefghijklmnop";

    @Test
    void the_secret_is_never_shown() {
        WebhookSettings settings = WebhookSettings.of(URI.create("https://shop.example/webhooks"), SECRET);

        assertEquals(WebhookSettings.DEFAULT_TIMEOUT, settings.timeout());
        assertFalse(settings.toString().contains(SECRET), settings.toString());
    }

    @Test
    void mistakes_are_refused_naming_the_field() {
        assertMessage("secret: must be at least", () -> WebhookSettings.of(URI.create("https://shop.example/h"), "short"));
        assertMessage("url: plain http is allowed for a loopback host only",
                () -> WebhookSettings.of(URI.create("http://shop.example/h"), SECRET));
        assertMessage("url: must be an absolute https URL", () -> WebhookSettings.of(URI.create("/h"), SECRET));
        assertMessage("timeout: must be positive", () -> new WebhookSettings(URI.create("https://shop.example/h"),
                SECRET, Duration.ZERO));
    }

    @Test
    void plain_http_is_allowed_to_a_loopback_host() {
        assertEquals("127.0.0.1", WebhookSettings.of(URI.create("http://127.0.0.1:9000/h"), SECRET).url().getHost());
    }

    private static void assertMessage(String start, Runnable build) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }
}
