package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntomSettingsTest {

    @TempDir
    Path directory;

    @Test
    void reads_the_public_configuration_names_with_keys_from_files() throws Exception {
        Path privateKey = Files.writeString(directory.resolve("merchant_private_key.pem"),
                TestKeys.pemPrivateKey(TestKeys.MERCHANT));
        Path publicKey = Files.writeString(directory.resolve("antom_public_key.pem"),
                TestKeys.pemPublicKey(TestKeys.ANTOM));
        Map<String, String> env = new HashMap<>(Map.of(
                "PAYENGINE_ANTOM_CLIENT_ID", "SANDBOX_5YBZ1",
                "PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY_FILE", privateKey.toString(),
                "PAYENGINE_ANTOM_PUBLIC_KEY_FILE", publicKey.toString(),
                "PAYENGINE_ANTOM_ENDPOINT", "sg",
                "PAYENGINE_ANTOM_SANDBOX", "true"));

        AntomSettings settings = AntomSettings.fromNamedValues(env::get);

        assertEquals("SANDBOX_5YBZ1", settings.clientId());
        assertEquals("https://open-sea-global.alipay.com", settings.endpoint().baseUrl().toString());
        assertTrue(settings.sandbox());
        assertEquals(Duration.ofSeconds(10), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(10), settings.readTimeout());
        assertEquals(64 * 1024, settings.maxNotificationBytes());
        assertEquals(TestKeys.MERCHANT.getPrivate(), settings.merchantPrivateKey());
        assertEquals(TestKeys.ANTOM.getPublic(), settings.antomPublicKey());
    }

    @Test
    void reads_keys_given_as_values_and_optional_settings() {
        Map<String, String> env = Map.of(
                "PAYENGINE_ANTOM_CLIENT_ID", "client",
                "PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", TestKeys.base64PrivateKey(TestKeys.MERCHANT),
                "PAYENGINE_ANTOM_PUBLIC_KEY", TestKeys.base64PublicKey(TestKeys.ANTOM),
                "PAYENGINE_ANTOM_ENDPOINT", "http://127.0.0.1:8081",
                "PAYENGINE_ANTOM_CONNECT_TIMEOUT_MILLIS", "1500",
                "PAYENGINE_ANTOM_READ_TIMEOUT_MILLIS", "2500",
                "PAYENGINE_ANTOM_NOTIFY_URL", "https://shop.example/notifications/antom");

        AntomSettings settings = AntomSettings.fromNamedValues(env::get);

        assertFalse(settings.sandbox());
        assertEquals(Duration.ofMillis(1500), settings.connectTimeout());
        assertEquals(Duration.ofMillis(2500), settings.readTimeout());
        assertEquals("https://shop.example/notifications/antom", settings.notifyUrl().orElseThrow().toString());
    }

    @Test
    void says_which_setting_is_wrong() {
        Map<String, String> env = new HashMap<>(Map.of(
                "PAYENGINE_ANTOM_CLIENT_ID", "client",
                "PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", TestKeys.base64PublicKey(TestKeys.MERCHANT),
                "PAYENGINE_ANTOM_PUBLIC_KEY", TestKeys.base64PublicKey(TestKeys.ANTOM),
                "PAYENGINE_ANTOM_ENDPOINT", "SG"));
        assertMessage("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY: ", env);

        env.put("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", TestKeys.base64PrivateKey(TestKeys.MERCHANT));
        env.put("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY_FILE", "/somewhere");
        assertMessage("both are set", env);

        env.remove("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY_FILE");
        env.put("PAYENGINE_ANTOM_SANDBOX", "yes");
        assertMessage("PAYENGINE_ANTOM_SANDBOX: 'yes' is neither true nor false", env);

        env.remove("PAYENGINE_ANTOM_SANDBOX");
        env.remove("PAYENGINE_ANTOM_PUBLIC_KEY");
        assertMessage("PAYENGINE_ANTOM_PUBLIC_KEY: is not set", env);

        env.put("PAYENGINE_ANTOM_PUBLIC_KEY_FILE", directory.resolve("missing.pem").toString());
        assertMessage("PAYENGINE_ANTOM_PUBLIC_KEY_FILE: cannot read", env);
    }

    @Test
    void builder_lists_everything_missing_at_once() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AntomSettings.builder().clientId("c").build());
        assertTrue(e.getMessage().contains("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY[_FILE], PAYENGINE_ANTOM_PUBLIC_KEY[_FILE],"
                + " PAYENGINE_ANTOM_ENDPOINT"), e.getMessage());
    }

    @Test
    void shows_no_key_material() {
        AntomSettings settings = AntomSettings.builder().clientId("c")
                .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
                .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
                .endpoint("US").build();

        assertFalse(settings.toString().contains(TestKeys.base64PrivateKey(TestKeys.MERCHANT).substring(40, 80)));
        assertFalse(settings.toString().contains(TestKeys.base64PublicKey(TestKeys.ANTOM).substring(40, 80)));
    }

    private static void assertMessage(String expected, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AntomSettings.fromNamedValues(env::get));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
