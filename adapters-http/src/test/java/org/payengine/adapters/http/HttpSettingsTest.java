package org.payengine.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private static final URI BASE = URI.create("https://pay.example.com/");

    @Test
    void api_keys_never_appear_in_the_settings_text() {
        HttpSettings settings = HttpSettings.of("0.0.0.0", 8080, List.of("secret-key-0123456789"), BASE);

        assertFalse(settings.toString().contains("secret-key-0123456789"), settings.toString());
        assertTrue(settings.toString().contains("apiKeys=1 (hidden)"));
    }

    @Test
    void the_defaults_are_a_64_kib_body_cap_and_no_demo_pages() {
        HttpSettings settings = HttpSettings.of("127.0.0.1", 0, List.of("secret-key-0123456789"), BASE);

        assertEquals(65536, settings.maxBodyBytes());
        assertFalse(settings.demoPages());
        assertEquals("https://pay.example.com", settings.baseUrl());
    }

    @Test
    void demo_pages_are_refused_on_any_address_other_machines_can_reach() {
        for (String reachable : List.of("0.0.0.0", "::", "192.0.2.10", "10.1.2.3", "2001:db8::1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> HttpSettings.of(reachable, 8080, List.of("secret-key-0123456789"), BASE).withDemoPages(true));
            assertTrue(refused.getMessage().contains("only on a loopback address"), refused.getMessage());
        }
        for (String loopback : List.of("127.0.0.1", "127.0.0.2", "::1", "localhost")) {
            assertTrue(HttpSettings.of(loopback, 8080, List.of("secret-key-0123456789"), BASE).withDemoPages(true)
                    .demoPages(), loopback);
        }
        assertFalse(HttpSettings.of("0.0.0.0", 8080, List.of("secret-key-0123456789"), BASE).demoPages(),
                "the merchant API alone may listen anywhere");
    }

    @Test
    void weak_or_missing_keys_and_relative_urls_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> HttpSettings.of("h", 1, List.of(), BASE));
        assertThrows(IllegalArgumentException.class, () -> HttpSettings.of("h", 1, List.of("short"), BASE));
        assertThrows(IllegalArgumentException.class, () -> HttpSettings.of("h", 1, List.of("has a blank 0123456789"), BASE));
        assertThrows(IllegalArgumentException.class,
                () -> HttpSettings.of("h", 1, List.of("secret-key-0123456789"), URI.create("/relative")));
        assertThrows(IllegalArgumentException.class,
                () -> HttpSettings.of("h", 70000, List.of("secret-key-0123456789"), BASE));
    }
}
