package org.payengine.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One file a {@link ReportSource} holds.
 *
 * @param path       where it is in the source (for SFTP the remote path), unique within the source
 * @param size       its size in bytes
 * @param modifiedAt when it was last written; with the size, what tells a re-issued file from the one taken before
 */
public record ReportListing(String path, long size, Instant modifiedAt) {

    public ReportListing {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }

    /** The file's own name, without its directory. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
