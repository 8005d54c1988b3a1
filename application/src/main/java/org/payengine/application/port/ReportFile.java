package org.payengine.application.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One of Antom's report files as received: its bytes, and its name when it has one (a file fetched over SFTP or from
 * a directory is named {@code transactionItems_20260105_000.csv}, …; a body posted to the API has none).
 *
 * @param name the file's own name (no directory), or {@code null}
 */
public record ReportFile(String name, byte[] content) {

    public ReportFile {
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    /**
     * What tells this file from every other: SHA-256 over its name and its bytes, in hex. The same file imported again
     * has the same fingerprint; two empty days' reports, alike byte for byte, differ by their names.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((name == null ? "" : name).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportFile file && Objects.equals(name, file.name)
                && java.util.Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "ReportFile[" + (name == null ? "(no name)" : name) + ", " + content.length + " bytes]";
    }
}
