package org.payengine.adapters.antom.reports;

/** Why a report file cannot be read, and on which line (0 for the file as a whole); becomes a refused decoding. */
final class ReportRefusal extends RuntimeException {

    final int line;

    ReportRefusal(int line, String message) {
        super(message);
        this.line = line;
    }
}
