package org.payengine.adapters.antom;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Antom's {@code signature} header: {@code algorithm=RSA256,keyVersion=1,signature=<url-encoded
 * base64>}. Parsed the way Antom specifies: split on {@code ,}, trim each part, split each part on
 * its first {@code =} (base64 padding may contain more), URL-decode the signature, then base64.
 */
final class SignatureHeader {

    static final String ALGORITHM = "RSA256";

    private final byte[] signature;

    private SignatureHeader(byte[] signature) {
        this.signature = signature;
    }

    /**
     * @throws MalformedException with a reason that names what is wrong (never the value)
     */
    static SignatureHeader parse(String header) throws MalformedException {
        if (header == null || header.isBlank()) {
            throw new MalformedException("is missing or empty");
        }
        Map<String, String> pairs = new HashMap<>();
        for (String part : header.split(",")) {
            String pair = part.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new MalformedException("has a part that is not key=value");
            }
            String key = pair.substring(0, equals).strip();
            if (pairs.put(key, pair.substring(equals + 1).strip()) != null) {
                throw new MalformedException("repeats '" + key + "'");
            }
        }
        String algorithm = pairs.get("algorithm");
        if (algorithm != null && !algorithm.equals(ALGORITHM)) {
            throw new MalformedException("names algorithm '" + algorithm + "', only " + ALGORITHM + " exists");
        }
        String keyVersion = pairs.get("keyVersion");
        if (keyVersion != null && !keyVersion.matches("[0-9]{1,9}")) {
            throw new MalformedException("has a keyVersion that is not a number");
        }
        String encoded = pairs.get("signature");
        if (encoded == null || encoded.isEmpty()) {
            throw new MalformedException("has no signature=... part");
        }
        try {
            String base64 = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            byte[] signature = Base64.getDecoder().decode(base64);
            if (signature.length == 0) {
                throw new MalformedException("has an empty signature");
            }
            return new SignatureHeader(signature);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("has a signature that is not URL-encoded base64");
        }
    }

    byte[] signature() {
        return signature.clone();
    }

    /** Why a header could not be read; the message completes "the signature header ...". */
    static final class MalformedException extends Exception {
        MalformedException(String reason) {
            super(reason, null, false, false);
        }
    }
}
