package org.payengine.simulator.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoTest {

    @Test
    void the_certificate_is_a_self_signed_v3_for_localhost_and_the_loopback_address() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.generate().certificate();
        assertEquals(3, certificate.getVersion());
        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName());
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        List<List<?>> names = List.copyOf(certificate.getSubjectAlternativeNames());
        assertTrue(names.contains(List.of(2, "localhost")), names.toString());
        assertTrue(names.contains(List.of(7, "127.0.0.1")), names.toString());
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
    }

    @Test
    void the_certificate_is_kept_in_the_keys_directory(@TempDir Path dir) {
        X509Certificate first = SelfSignedCertificate.loadOrCreate(dir).certificate();
        assertTrue(Files.exists(dir.resolve(SelfSignedCertificate.CERTIFICATE_FILE)));
        assertEquals(first, SelfSignedCertificate.loadOrCreate(dir).certificate());
    }

    @Test
    void private_keys_are_written_readable_by_their_owner_alone(@TempDir Path dir) throws Exception {
        SimulatorKeys keys = SimulatorKeys.loadOrCreate(dir.resolve("created"));
        keys.writeTo(dir.resolve("written"));
        SelfSignedCertificate.loadOrCreate(dir.resolve("tls"));

        for (Path key : List.of(dir.resolve("created").resolve(SimulatorKeys.MERCHANT_PRIVATE),
                dir.resolve("created").resolve(SimulatorKeys.ANTOM_PRIVATE),
                dir.resolve("written").resolve(SimulatorKeys.MERCHANT_PRIVATE),
                dir.resolve("written").resolve(SimulatorKeys.ANTOM_PRIVATE),
                dir.resolve("tls").resolve(SelfSignedCertificate.PRIVATE_KEY_FILE))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), key.toString());
        }
        assertEquals("r", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("created").resolve(SimulatorKeys.ANTOM_PUBLIC))).substring(6, 7), "public keys stay readable");
    }

    @Test
    void a_private_key_file_written_again_loses_the_rights_others_had(@TempDir Path dir) throws Exception {
        Path key = dir.resolve(SimulatorKeys.MERCHANT_PRIVATE);
        Files.writeString(key, "old");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        PemKeys.write(key, "PRIVATE KEY", SimulatorKeys.newRsaKeyPair().getPrivate().getEncoded());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void keys_are_created_once_then_read_back(@TempDir Path dir) throws Exception {
        SimulatorKeys created = SimulatorKeys.loadOrCreate(dir);
        for (String file : List.of(SimulatorKeys.MERCHANT_PRIVATE, SimulatorKeys.MERCHANT_PUBLIC, SimulatorKeys.ANTOM_PRIVATE,
                SimulatorKeys.ANTOM_PUBLIC, SimulatorKeys.CLIENT_ID)) {
            assertTrue(Files.exists(dir.resolve(file)), file);
        }
        assertTrue(Files.readString(dir.resolve(SimulatorKeys.MERCHANT_PRIVATE)).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(created.clientId().startsWith("SANDBOX_"));
        SimulatorKeys read = SimulatorKeys.loadOrCreate(dir);
        assertEquals(created.clientId(), read.clientId());
        assertEquals(created.antomPublicKey(), read.antomPublicKey());
        assertEquals(created.merchantPublicKey(), read.merchantPublicKey());
        assertArrayEquals(created.merchantPrivateKey().orElseThrow().getEncoded(), read.merchantPrivateKey().orElseThrow().getEncoded());
    }

    @Test
    void bare_base64_keys_are_read_too_and_a_missing_public_half_is_derived(@TempDir Path dir) throws Exception {
        KeyPair antom = SimulatorKeys.newRsaKeyPair();
        Files.writeString(dir.resolve(SimulatorKeys.ANTOM_PRIVATE), PemKeys.base64(antom.getPrivate()));
        Files.writeString(dir.resolve(SimulatorKeys.CLIENT_ID), "SANDBOX_MINE\n");
        KeyPair merchant = SimulatorKeys.newRsaKeyPair();
        Files.writeString(dir.resolve(SimulatorKeys.MERCHANT_PUBLIC), PemKeys.base64(merchant.getPublic()));
        SimulatorKeys keys = SimulatorKeys.loadOrCreate(dir);
        assertEquals("SANDBOX_MINE", keys.clientId());
        assertEquals(antom.getPublic(), keys.antomPublicKey());
        assertEquals(merchant.getPublic(), keys.merchantPublicKey());
        assertFalse(keys.merchantPrivateKey().isPresent(), "an uploaded public key does not invent a private one");
    }

    @Test
    void signatures_are_url_encoded_base64_and_verify_only_over_the_same_content() {
        KeyPair pair = SimulatorKeys.newRsaKeyPair();
        String content = RsaSignatures.contentToSign("POST", "/ams/api/v1/payments/pay", "SANDBOX_X", "1", "{}");
        assertEquals("POST /ams/api/v1/payments/pay\nSANDBOX_X.1.{}", content);
        String signature = RsaSignatures.sign(content, pair.getPrivate());
        assertFalse(signature.contains("+") || signature.contains("/") || signature.contains("="), signature);
        assertTrue(RsaSignatures.verify(content, signature, pair.getPublic()));
        assertFalse(RsaSignatures.verify(content + " ", signature, pair.getPublic()));
        assertFalse(RsaSignatures.verify(content, "not base64!", pair.getPublic()));
    }

    @Test
    void the_signature_header_is_parsed_leniently() {
        SignatureHeader header = SignatureHeader.parse("algorithm=RSA256, keyVersion=2, signature=abc%3D").orElseThrow();
        assertEquals("RSA256", header.algorithm());
        assertEquals("2", header.keyVersion());
        assertEquals("abc%3D", header.signature());
        assertEquals("a=b", SignatureHeader.parse("signature=a=b").orElseThrow().signature());
        assertTrue(SignatureHeader.parse("algorithm=RSA256").isEmpty());
        assertTrue(SignatureHeader.parse(null).isEmpty());
    }

    @Test
    void der_lengths_and_object_identifiers_encode_as_asn1_says() {
        assertArrayEquals(new byte[] {0x06, 0x03, 0x55, 0x1D, 0x11}, Der.oid("2.5.29.17"));
        assertArrayEquals(new byte[] {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x0B},
                Der.oid("1.2.840.113549.1.1.11"));
        byte[] longContent = new byte[300];
        byte[] encoded = Der.octetString(longContent);
        assertArrayEquals(new byte[] {0x04, (byte) 0x82, 0x01, 0x2C}, java.util.Arrays.copyOf(encoded, 4));
        assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey("not a key"));
    }
}
