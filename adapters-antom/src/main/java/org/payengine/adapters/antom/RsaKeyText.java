package org.payengine.adapters.antom;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the RSA keys Antom uses from the text an operator pastes or stores in a file: either PEM
 * ({@code -----BEGIN PRIVATE KEY-----} / {@code -----BEGIN PUBLIC KEY-----}) or the bare base64
 * that Antom Dashboard shows. Private keys are PKCS#8, public keys X.509 SubjectPublicKeyInfo,
 * exactly as the SDK's {@code SignatureTool} expects them.
 *
 * <p>Every error names the key and says what is wrong with its format; none repeats the text.
 */
final class RsaKeyText {

    /** Antom issues RSA-2048 keys; anything shorter is a mistake (or a test key from elsewhere). */
    static final int MINIMUM_BITS = 2048;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);

    private RsaKeyText() {
    }

    static PrivateKey privateKey(String keyName, String text) {
        byte[] der = derOf(keyName, text, "PRIVATE KEY");
        try {
            PrivateKey key = rsa().generatePrivate(new PKCS8EncodedKeySpec(der));
            return requireStrength(keyName, key);
        } catch (InvalidKeySpecException e) {
            throw new KeyFormatException(keyName,
                    "base64 decodes, but not to a PKCS#8 RSA private key"
                            + " (a public key or a PKCS#1 key in the wrong place?)", e);
        }
    }

    static PublicKey publicKey(String keyName, String text) {
        byte[] der = derOf(keyName, text, "PUBLIC KEY");
        try {
            PublicKey key = rsa().generatePublic(new X509EncodedKeySpec(der));
            return requireStrength(keyName, key);
        } catch (InvalidKeySpecException e) {
            throw new KeyFormatException(keyName,
                    "base64 decodes, but not to an X.509 RSA public key"
                            + " (a private key or a certificate in the wrong place?)", e);
        }
    }

    private static byte[] derOf(String keyName, String text, String expectedPemType) {
        if (text == null || text.isBlank()) {
            throw new KeyFormatException(keyName, "is empty");
        }
        String base64 = text.strip();
        if (base64.startsWith("-----BEGIN")) {
            Matcher pem = PEM.matcher(base64);
            if (!pem.find()) {
                throw new KeyFormatException(keyName, "PEM text has no matching END line");
            }
            String type = pem.group(1);
            if (!type.equals(pem.group(3))) {
                throw new KeyFormatException(keyName,
                        "PEM BEGIN " + type + " does not match END " + pem.group(3));
            }
            if (type.equals("RSA PRIVATE KEY")) {
                throw new KeyFormatException(keyName, "is a PKCS#1 'RSA PRIVATE KEY'; Antom keys are"
                        + " PKCS#8: convert with 'openssl pkcs8 -topk8 -nocrypt'");
            }
            if (type.equals("ENCRYPTED PRIVATE KEY")) {
                throw new KeyFormatException(keyName, "is an encrypted private key; give it unencrypted");
            }
            if (!type.equals(expectedPemType)) {
                throw new KeyFormatException(keyName,
                        "PEM type is '" + type + "', expected '" + expectedPemType + "'");
            }
            base64 = pem.group(2);
        }
        String compact = base64.replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException(keyName, "is neither PEM nor valid base64");
        }
        if (der.length == 0) {
            throw new KeyFormatException(keyName, "is empty");
        }
        return der;
    }

    private static <K> K requireStrength(String keyName, K key) {
        int bits = ((RSAKey) key).getModulus().bitLength();
        if (bits < MINIMUM_BITS) {
            throw new KeyFormatException(keyName,
                    "is an RSA key of " + bits + " bits; at least " + MINIMUM_BITS + " are required");
        }
        return key;
    }

    private static KeyFactory rsa() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }
}
