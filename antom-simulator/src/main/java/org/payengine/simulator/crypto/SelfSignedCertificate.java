package org.payengine.simulator.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed X.509 v3 certificate for {@code localhost} and {@code 127.0.0.1} (subject
 * alternative names of type dNSName and iPAddress), encoded in DER here rather than through JDK
 * internals. The SDK's transport trusts any chain but still runs the JDK hostname check, which
 * this certificate passes for both names.
 */
public final class SelfSignedCertificate {

    public static final String CERTIFICATE_FILE = "tls_certificate.pem";
    public static final String PRIVATE_KEY_FILE = "tls_private_key.pem";

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final char[] KEYSTORE_PASSWORD = "simulator".toCharArray();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A new key pair and a certificate valid from yesterday for ten years. */
    public static SelfSignedCertificate generate() {
        KeyPair pair = SimulatorKeys.newRsaKeyPair();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[] der = encode(pair, now.minusDays(1), now.plusYears(10));
        return new SelfSignedCertificate(parse(der), pair.getPrivate());
    }

    /** Reads the certificate and its key from {@code dir}, or generates and writes them there. */
    public static SelfSignedCertificate loadOrCreate(Path dir) {
        Path certificateFile = dir.resolve(CERTIFICATE_FILE);
        Path keyFile = dir.resolve(PRIVATE_KEY_FILE);
        try {
            if (Files.exists(certificateFile) && Files.exists(keyFile)) {
                X509Certificate existing = parse(PemKeys.der(PemKeys.read(certificateFile)));
                if (existing.getNotAfter().toInstant().isAfter(java.time.Instant.now())) {
                    return new SelfSignedCertificate(existing, PemKeys.privateKey(PemKeys.read(keyFile)));
                }
            }
            SelfSignedCertificate created = generate();
            Files.createDirectories(dir);
            PemKeys.write(certificateFile, "CERTIFICATE", created.certificate.getEncoded());
            PemKeys.write(keyFile, "PRIVATE KEY", created.privateKey.getEncoded());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the TLS certificate in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the TLS certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("simulator", privateKey, KEYSTORE_PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, KEYSTORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context", e);
        }
    }

    static byte[] encode(KeyPair pair, ZonedDateTime notBefore, ZonedDateTime notAfter) {
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String("localhost"))));
        byte[] alternativeNames = Der.sequence(
                Der.implicit(2, "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Der.implicit(7, new byte[] {127, 0, 0, 1}));
        byte[] extensions = Der.explicit(3, Der.sequence(
                Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.octetString(Der.sequence())),
                Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octetString(alternativeNames))));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                algorithm,
                name,
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name,
                pair.getPublic().getEncoded(),
                extensions);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(tbs);
            return Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the TLS certificate", e);
        }
    }

    static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the encoded certificate does not parse", e);
        }
    }
}
