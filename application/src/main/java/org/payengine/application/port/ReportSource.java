package org.payengine.application.port;

import java.util.List;

/**
 * Where Antom's report files are fetched from: Antom's SFTP server, or a directory the merchant fills. Read-only: a
 * source never deletes, moves or changes a file (Antom's files are Antom's). Thread-safe.
 */
public interface ReportSource {

    /** The source for records and logs, e.g. {@code sftp://isftp.alipay.com:22/v1/settlements/2188…}; never a secret. */
    String name();

    /**
     * The report files there now, each with what tells a new file from one taken before (its size and time).
     *
     * @throws ReportSourceUnavailableException when the source cannot be reached or read
     */
    List<ReportListing> list();

    /**
     * The bytes of one listed file.
     *
     * @throws ReportSourceUnavailableException when it cannot be read
     */
    ReportFile fetch(ReportListing file);
}
