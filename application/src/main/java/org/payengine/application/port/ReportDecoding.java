package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.reconciliation.Report;

/** What a {@link ReportDecoder} made of a report file. */
public sealed interface ReportDecoding permits ReportDecoding.Decoded, ReportDecoding.Refused {

    /** The file, read whole. */
    record Decoded(Report report) implements ReportDecoding {
        public Decoded {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * The file cannot be read as one of Antom's reports; nothing of it may be applied.
     *
     * @param line    the line of the file the problem is on (1 is the header), or 0 for the file as a whole
     * @param message what is wrong, naming the line and column, in words an operator can act on
     */
    record Refused(int line, String message) implements ReportDecoding {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }
}
