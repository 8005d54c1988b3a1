package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntomSettingsTest {

    @TempDir
    Path directory;

    @Test
    void builds_from_key_files_with_the_default_timeouts() throws Exception {
        Path privateKey = Files.writeString(directory.resolve("merchant_private_key.pem"),
                TestKeys.pemPrivateKey(TestKeys.MERCHANT));
        Path publicKey = Files.writeString(directory.resolve("antom_public_key.pem"),
                TestKeys.pemPublicKey(TestKeys.ANTOM));

        AntomSettings settings = AntomSettings.builder().clientId("SANDBOX_5YBZ1")
                .merchantPrivateKeyFile(privateKey).antomPublicKeyFile(publicKey)
                .endpoint("sg").sandbox(true).build();

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
    void builds_from_keys_given_as_values_and_optional_settings() {
        AntomSettings settings = AntomSettings.builder().clientId("client")
                .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
                .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
                .endpoint("http://127.0.0.1:8081")
                .connectTimeout(Duration.ofMillis(1500)).readTimeout(Duration.ofMillis(2500))
                .notifyUrl("https://shop.example/notifications/antom")
                .build();

        assertFalse(settings.sandbox());
        assertEquals(Duration.ofMillis(1500), settings.connectTimeout());
        assertEquals(Duration.ofMillis(2500), settings.readTimeout());
        assertEquals("https://shop.example/notifications/antom", settings.notifyUrl().orElseThrow().toString());
    }

    @Test
    void says_which_key_is_wrong_without_showing_it() {
        IllegalArgumentException notPrivate = assertThrows(IllegalArgumentException.class,
                () -> AntomSettings.builder().merchantPrivateKey(TestKeys.base64PublicKey(TestKeys.MERCHANT)));
        assertTrue(notPrivate.getMessage().startsWith("merchant private key: "), notPrivate.getMessage());
        assertFalse(notPrivate.getMessage().contains(TestKeys.base64PublicKey(TestKeys.MERCHANT).substring(40, 80)));

        Path missing = directory.resolve("missing.pem");
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> AntomSettings.builder().antomPublicKeyFile(missing));
        assertTrue(unreadable.getMessage().startsWith("Antom public key file " + missing + ": cannot read"),
                unreadable.getMessage());
    }

    @Test
    void builder_lists_everything_missing_at_once() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AntomSettings.builder().clientId("c").build());
        assertEquals("Antom settings: missing merchant private key, Antom public key, endpoint", e.getMessage());
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
}
