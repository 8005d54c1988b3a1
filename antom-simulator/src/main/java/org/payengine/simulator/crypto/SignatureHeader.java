package org.payengine.simulator.crypto;

import java.util.Optional;

/**
 * A parsed {@code signature} header: comma-separated {@code key=value} pairs, each split on its
 * first {@code =} only (the URL-encoded value never contains a raw {@code =}, but be lenient).
 */
public record SignatureHeader(String algorithm, String keyVersion, String signature) {

    /** Parses the header; empty when it is absent or carries no signature value. */
    public static Optional<SignatureHeader> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String algorithm = null;
        String keyVersion = null;
        String signature = null;
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            switch (key) {
                case "algorithm" -> algorithm = value;
                case "keyVersion" -> keyVersion = value;
                case "signature" -> signature = value;
                default -> { }
            }
        }
        if (signature == null || signature.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SignatureHeader(algorithm, keyVersion, signature));
    }
}
