package org.payengine.bootstrap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The RSA work a paid payment cannot avoid on the merchant's side, measured on this machine: two SHA256withRSA
 * signatures with the merchant's RSA-2048 key (the {@code pay} and {@code capture} requests) and four verifications
 * with Antom's public key (the answers to both, and the payment and capture notifications). The keys are parsed once,
 * as the engine does; the bytes signed are about as long as the real requests. Timed as this thread's CPU time.
 */
final class RsaFloor {

    private static final byte[] REQUEST = ("POST /ams/sandbox/api/v1/payments/pay\nclient-id.2026-01-01T00:00:00Z."
            + "{\"paymentRequestId\":\"pay-0123456789\",\"order\":{\"referenceOrderId\":\"order-0123456789\"}"
            + "x".repeat(900) + "}").getBytes(StandardCharsets.UTF_8);

    private final PrivateKey merchantKey;
    private final PrivateKey antomPrivateKey;
    private final PublicKey antomKey;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** {@code antomPrivateKey} makes, once, the genuine signature of Antom that every verification checks. */
    RsaFloor(PrivateKey merchantKey, PrivateKey antomPrivateKey, PublicKey antomKey) {
        this.merchantKey = merchantKey;
        this.antomPrivateKey = antomPrivateKey;
        this.antomKey = antomKey;
    }

    /** CPU milliseconds of one payment's RSA work, averaged over {@code payments} after as many to warm up. */
    double millisPerPayment(int payments) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withRSA");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        byte[] antomSignature = sign(signer, antomPrivateKey);
        for (int i = 0; i < payments; i++) {
            onePayment(signer, verifier, antomSignature);
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < payments; i++) {
            onePayment(signer, verifier, antomSignature);
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / payments;
    }

    private void onePayment(Signature signer, Signature verifier, byte[] antomSignature) throws GeneralSecurityException {
        for (int signatures = 0; signatures < 2; signatures++) {
            sign(signer, merchantKey);
        }
        for (int verifications = 0; verifications < 4; verifications++) {
            verifier.initVerify(antomKey);
            verifier.update(REQUEST);
            if (!verifier.verify(antomSignature)) {
                throw new IllegalStateException("Antom's signature does not verify with Antom's public key");
            }
        }
    }

    private static byte[] sign(Signature signer, PrivateKey key) throws GeneralSecurityException {
        signer.initSign(key);
        signer.update(REQUEST);
        return signer.sign();
    }
}
