package org.payengine.simulator.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Optional;

/**
 * The keys a merchant and Antom exchange: the merchant's pair (Antom only needs the public half;
 * the private half is kept when the simulator generated it, so a client can be handed it), Antom's
 * pair, and the merchant's client id.
 *
 * <p>On disk (the keys directory) as {@code merchant_private_key.pem} (PKCS#8),
 * {@code merchant_public_key.pem} (X.509), {@code antom_private_key.pem},
 * {@code antom_public_key.pem} and {@code client_id} (one line).
 */
public record SimulatorKeys(String clientId,
                            PublicKey merchantPublicKey,
                            Optional<PrivateKey> merchantPrivateKey,
                            PrivateKey antomPrivateKey,
                            PublicKey antomPublicKey) {

    public static final String MERCHANT_PRIVATE = "merchant_private_key.pem";
    public static final String MERCHANT_PUBLIC = "merchant_public_key.pem";
    public static final String ANTOM_PRIVATE = "antom_private_key.pem";
    public static final String ANTOM_PUBLIC = "antom_public_key.pem";
    public static final String CLIENT_ID = "client_id";

    /** Fresh keys in memory, with a sandbox client id. */
    public static SimulatorKeys generate() {
        KeyPair merchant = newRsaKeyPair();
        KeyPair antom = newRsaKeyPair();
        return new SimulatorKeys(newClientId(), merchant.getPublic(), Optional.of(merchant.getPrivate()),
                antom.getPrivate(), antom.getPublic());
    }

    /**
     * Reads the keys directory, creating whatever is missing: a merchant pair when there is no
     * merchant public key, an Antom pair when there is no Antom private key, a client id when
     * there is none. A public key missing beside its private key is derived from it.
     */
    public static SimulatorKeys loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            String clientId = readOrCreateClientId(dir.resolve(CLIENT_ID));

            Optional<PrivateKey> merchantPrivate = readIfPresent(dir.resolve(MERCHANT_PRIVATE)).map(PemKeys::privateKey);
            PublicKey merchantPublic;
            Path merchantPublicFile = dir.resolve(MERCHANT_PUBLIC);
            if (Files.exists(merchantPublicFile)) {
                merchantPublic = PemKeys.publicKey(PemKeys.read(merchantPublicFile));
            } else if (merchantPrivate.isPresent()) {
                merchantPublic = publicOf(merchantPrivate.get());
                PemKeys.write(merchantPublicFile, "PUBLIC KEY", merchantPublic.getEncoded());
            } else {
                KeyPair pair = newRsaKeyPair();
                writePair(dir.resolve(MERCHANT_PRIVATE), merchantPublicFile, pair);
                merchantPrivate = Optional.of(pair.getPrivate());
                merchantPublic = pair.getPublic();
            }

            PrivateKey antomPrivate;
            PublicKey antomPublic;
            Optional<String> antomPrivatePem = readIfPresent(dir.resolve(ANTOM_PRIVATE));
            if (antomPrivatePem.isPresent()) {
                antomPrivate = PemKeys.privateKey(antomPrivatePem.get());
                antomPublic = publicOf(antomPrivate);
                if (!Files.exists(dir.resolve(ANTOM_PUBLIC))) {
                    PemKeys.write(dir.resolve(ANTOM_PUBLIC), "PUBLIC KEY", antomPublic.getEncoded());
                }
            } else {
                KeyPair pair = newRsaKeyPair();
                writePair(dir.resolve(ANTOM_PRIVATE), dir.resolve(ANTOM_PUBLIC), pair);
                antomPrivate = pair.getPrivate();
                antomPublic = pair.getPublic();
            }
            return new SimulatorKeys(clientId, merchantPublic, merchantPrivate, antomPrivate, antomPublic);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the keys directory " + dir, e);
        }
    }

    /** Writes all keys and the client id into {@code dir} (the merchant private key only if known). */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(CLIENT_ID), clientId + "\n", StandardCharsets.UTF_8);
            if (merchantPrivateKey.isPresent()) {
                PemKeys.write(dir.resolve(MERCHANT_PRIVATE), "PRIVATE KEY", merchantPrivateKey.get().getEncoded());
            }
            PemKeys.write(dir.resolve(MERCHANT_PUBLIC), "PUBLIC KEY", merchantPublicKey.getEncoded());
            PemKeys.write(dir.resolve(ANTOM_PRIVATE), "PRIVATE KEY", antomPrivateKey.getEncoded());
            PemKeys.write(dir.resolve(ANTOM_PUBLIC), "PUBLIC KEY", antomPublicKey.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keys directory " + dir, e);
        }
    }

    /** A new RSA-2048 pair. */
    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /** The public half of a PKCS#8 RSA private key (which carries the public exponent). */
    public static PublicKey publicOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the RSA private key carries no public exponent (not a CRT key)");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the RSA public key", e);
        }
    }

    private static String newClientId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("SANDBOX_5Y");
        for (int i = 0; i < 14; i++) {
            id.append((char) ('A' + random.nextInt(26)));
        }
        return id.toString();
    }

    private static String readOrCreateClientId(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (id.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty; it must hold the client id on one line");
            }
            return id;
        }
        String id = newClientId();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    private static Optional<String> readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(PemKeys.read(file)) : Optional.empty();
    }

    private static void writePair(Path privateFile, Path publicFile, KeyPair pair) throws IOException {
        PemKeys.write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
        PemKeys.write(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
    }
}
