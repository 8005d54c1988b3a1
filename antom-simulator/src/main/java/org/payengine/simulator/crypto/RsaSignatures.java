package org.payengine.simulator.crypto;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Antom's signature scheme: SHA256withRSA over {@code <METHOD> <path>\n<client-id>.<time>.<body>},
 * Base64 then URL-encoded. Keys are parsed once by the caller; {@link Signature} objects are
 * reused per thread because looking up the provider costs more than initialising it.
 */
public final class RsaSignatures {

    private static final ThreadLocal<Signature> SIGNATURES = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is not available in this JVM", e);
        }
    });

    private RsaSignatures() {
    }

    /** The string Antom signs, exactly as the SDK builds it. */
    public static String contentToSign(String method, String path, String clientId, String time, String body) {
        return method + " " + path + "\n" + clientId + "." + time + "." + body;
    }

    /** Signs and returns the URL-encoded Base64 value that goes after {@code signature=}. */
    public static String sign(String content, PrivateKey key) {
        try {
            Signature signature = SIGNATURES.get();
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(signature.sign()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the configured private key", e);
        }
    }

    /** Verifies a URL-encoded Base64 signature value; any malformed value is simply not valid. */
    public static boolean verify(String content, String urlEncodedSignature, PublicKey key) {
        try {
            byte[] raw = Base64.getDecoder().decode(URLDecoder.decode(urlEncodedSignature, StandardCharsets.UTF_8));
            Signature signature = SIGNATURES.get();
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(raw);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The {@code signature} header value Antom sends. */
    public static String header(String urlEncodedSignature) {
        return "algorithm=RSA256,keyVersion=1,signature=" + urlEncodedSignature;
    }
}
