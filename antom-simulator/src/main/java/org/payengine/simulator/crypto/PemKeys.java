package org.payengine.simulator.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * RSA keys as Antom's tooling handles them: PKCS#8 private keys and X.509 SubjectPublicKeyInfo
 * public keys, either PEM-armoured or as bare Base64 (the form the SDK takes).
 */
public final class PemKeys {

    private PemKeys() {
    }

    public static PrivateKey privateKey(String pemOrBase64) {
        try {
            return rsa().generatePrivate(new PKCS8EncodedKeySpec(der(pemOrBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 form", e);
        }
    }

    public static PublicKey publicKey(String pemOrBase64) {
        try {
            return rsa().generatePublic(new X509EncodedKeySpec(der(pemOrBase64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key in X.509 form", e);
        }
    }

    /** Bare Base64 of the key's DER encoding, as the SDK's constructors expect it. */
    public static String base64(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** Writes the key in PEM; a private key only its owner may read (0600), from the moment the file exists. */
    public static void write(Path file, String label, byte[] der) throws IOException {
        if (label.contains("PRIVATE KEY")) {
            ownerOnly(file);
        }
        Files.writeString(file, pem(label, der), StandardCharsets.US_ASCII);
    }

    /** Creates the file readable and writable by its owner alone, or takes those rights from an existing one. */
    private static void ownerOnly(Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, ownerOnly);
            } else {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions (Windows): the directory's access rules apply
        }
    }

    public static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    /** Strips PEM armour and whitespace, whatever the label, then decodes. */
    static byte[] der(String pemOrBase64) {
        StringBuilder base64 = new StringBuilder();
        for (String line : pemOrBase64.split("\\R")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("-----")) {
                base64.append(trimmed);
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is neither PEM nor Base64", e);
        }
    }

    private static KeyFactory rsa() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA");
    }
}
