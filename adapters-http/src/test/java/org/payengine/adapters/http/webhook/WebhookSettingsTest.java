package org.payengine.adapters.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSettingsTest {

    private static final String SECRET = "whsec-0123456789abcdefghijklmnop";

    @Test
    public void no_url_means_no_webhooks() {
        assertEquals(Optional.empty(), WebhookSettings.fromNamedValues(name -> null));
    }

    @Test
    public void the_url_secret_and_timeout_are_read() {
        WebhookSettings read = WebhookSettings.fromNamedValues(Map.of(
                WebhookSettings.URL, "https://shop.example/webhooks",
                WebhookSettings.SECRET, SECRET,
                WebhookSettings.TIMEOUT_MILLIS, "2500")::get).orElseThrow();

        assertEquals(new WebhookSettings(URI.create("https://shop.example/webhooks"), SECRET, Duration.ofMillis(2500)),
                read);
        assertFalse(read.toString().contains(SECRET), read.toString());
    }

    @Test
    public void the_secret_may_come_from_a_file(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("webhook-secret"), SECRET + "\n");

        WebhookSettings read = WebhookSettings.fromNamedValues(Map.of(WebhookSettings.URL, "https://shop.example/hooks",
                WebhookSettings.SECRET_FILE, file.toString())::get).orElseThrow();

        assertEquals(SECRET, read.secret());
    }

    @Test
    public void mistakes_are_refused_naming_the_setting() {
        assertMessage(WebhookSettings.SECRET + ": is required", Map.of(WebhookSettings.URL, "https://shop.example/h"));
        assertMessage(WebhookSettings.SECRET + ": must be at least", Map.of(WebhookSettings.URL,
                "https://shop.example/h", WebhookSettings.SECRET, "short"));
        assertMessage(WebhookSettings.URL + ": plain http is allowed for a loopback host only", Map.of(
                WebhookSettings.URL, "http://shop.example/h", WebhookSettings.SECRET, SECRET));
        assertMessage(WebhookSettings.TIMEOUT_MILLIS + ": 'soon' is not a number", Map.of(WebhookSettings.URL,
                "https://shop.example/h", WebhookSettings.SECRET, SECRET, WebhookSettings.TIMEOUT_MILLIS, "soon"));
        assertMessage(WebhookSettings.SECRET + ": is set but", Map.of(WebhookSettings.SECRET, SECRET));
    }

    private static void assertMessage(String start, Map<String, String> values) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.fromNamedValues(values::get));
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }
}
