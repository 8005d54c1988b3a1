package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class RsaKeyTextTest {

    private static final String NAME = "PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY";

    @Test
    void reads_a_private_key_as_pem_or_bare_base64() {
        byte[] expected = TestKeys.MERCHANT.getPrivate().getEncoded();
        assertArrayEquals(expected, RsaKeyText.privateKey(NAME, TestKeys.pemPrivateKey(TestKeys.MERCHANT)).getEncoded());
        assertArrayEquals(expected, RsaKeyText.privateKey(NAME, TestKeys.base64PrivateKey(TestKeys.MERCHANT)).getEncoded());
        assertArrayEquals(expected, RsaKeyText.privateKey(NAME,
                "  " + TestKeys.base64PrivateKey(TestKeys.MERCHANT) + "\n").getEncoded());
    }

    @Test
    void reads_a_public_key_as_pem_or_bare_base64() {
        byte[] expected = TestKeys.ANTOM.getPublic().getEncoded();
        assertArrayEquals(expected, RsaKeyText.publicKey("k", TestKeys.pemPublicKey(TestKeys.ANTOM)).getEncoded());
        assertArrayEquals(expected, RsaKeyText.publicKey("k", TestKeys.base64PublicKey(TestKeys.ANTOM)).getEncoded());
    }

    @Test
    void names_the_key_and_the_problem_without_showing_the_key() {
        String publicKey = TestKeys.base64PublicKey(TestKeys.ANTOM);
        KeyFormatException swapped = assertThrows(KeyFormatException.class, () -> RsaKeyText.privateKey(NAME, publicKey));
        assertTrue(swapped.getMessage().startsWith(NAME + ": "), swapped.getMessage());
        assertTrue(swapped.getMessage().contains("PKCS#8"), swapped.getMessage());
        assertFalse(swapped.getMessage().contains(publicKey.substring(0, 20)));

        assertProblem("is empty", () -> RsaKeyText.privateKey(NAME, " "));
        assertProblem("neither PEM nor valid base64", () -> RsaKeyText.privateKey(NAME, "not a key!"));
        assertProblem("PKCS#1", () -> RsaKeyText.privateKey(NAME, TestKeys.pem("RSA PRIVATE KEY", new byte[] {1, 2})));
        assertProblem("expected 'PRIVATE KEY'", () -> RsaKeyText.privateKey(NAME, TestKeys.pemPublicKey(TestKeys.ANTOM)));
        assertProblem("no matching END", () -> RsaKeyText.publicKey(NAME, "-----BEGIN PUBLIC KEY-----\nAAAA"));
        assertProblem("X.509", () -> RsaKeyText.publicKey(NAME, TestKeys.base64PrivateKey(TestKeys.MERCHANT)));
    }

    @Test
    void refuses_keys_shorter_than_2048_bits() {
        String weak = Base64.getEncoder().encodeToString(TestKeys.generate(1024).getPrivate().getEncoded());
        assertProblem("1024 bits", () -> RsaKeyText.privateKey(NAME, weak));
    }

    private static void assertProblem(String expected, org.junit.jupiter.api.function.Executable parse) {
        KeyFormatException e = assertThrows(KeyFormatException.class, parse);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
