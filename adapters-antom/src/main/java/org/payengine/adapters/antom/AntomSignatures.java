package org.payengine.adapters.antom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Verifies what Antom signed — responses and notifications alike — over the exact bytes received:
 * {@code <METHOD> <path>\n<client-id>.<time>.<body>} with SHA256withRSA (the string-to-sign of
 * the SDK's {@code SignatureTool.genSignContent}), using Antom's public key parsed once.
 */
final class AntomSignatures {

    private final PublicKey antomPublicKey;

    AntomSignatures(PublicKey antomPublicKey) {
        this.antomPublicKey = antomPublicKey;
    }

    /** {@code time} is the {@code response-time}/{@code request-time} header, verbatim. */
    boolean verify(String method, String path, String clientId, String time, byte[] body, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(antomPublicKey);
            rsa.update((method + ' ' + path + '\n' + clientId + '.' + time + '.').getBytes(StandardCharsets.UTF_8));
            rsa.update(body);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a signature of the wrong length or form is simply not Antom's
        }
    }
}
