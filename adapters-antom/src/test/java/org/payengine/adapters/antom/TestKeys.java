package org.payengine.adapters.antom;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * RSA-2048 key pairs for tests, generated once per JVM (generation is slow). Loading this class
 * also installs the JDK Base64 into the SDK's {@code SignatureTool}, which tests call directly.
 */
final class TestKeys {

    static {
        JdkBase64.install();
    }

    static final KeyPair MERCHANT = generate();
    static final KeyPair ANTOM = generate();
    static final KeyPair STRANGER = generate();

    private TestKeys() {
    }

    static String base64PrivateKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    static String base64PublicKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    static String pemPrivateKey(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    static String pemPublicKey(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        return generate(2048);
    }
}
