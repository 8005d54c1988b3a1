package org.payengine.adapters.antom.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 writes them: fields separated by commas, a field in double quotes may hold
 * commas, line breaks and doubled quotes; lines end with LF or CRLF; a byte order mark at the start is skipped. Each
 * record remembers the line it starts on, so a problem can be named by the line a person sees in an editor.
 */
final class CsvRecords {

    /** One record: its fields, and the line of the text it starts on (1-based). */
    record CsvRecord(int line, List<String> fields) {

        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /** A quote that is never closed: the text ends inside a quoted field. */
    static final class UnclosedQuoteException extends RuntimeException {
        final int line;

        UnclosedQuoteException(int line) {
            super("a quoted field opened on line " + line + " is never closed");
            this.line = line;
        }
    }

    private CsvRecords() {
    }

    static List<CsvRecord> split(String text) {
        List<CsvRecord> records = new ArrayList<>();
        int position = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (position < text.length()) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int quoteLine = 0;
            boolean endOfRecord = false;
            while (position < text.length() && !endOfRecord) {
                char c = text.charAt(position++);
                if (quoted) {
                    if (c == '"') {
                        if (position < text.length() && text.charAt(position) == '"') {
                            field.append('"');
                            position++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                    quoteLine = line;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                        position++;
                    }
                    line++;
                    endOfRecord = true;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new UnclosedQuoteException(quoteLine);
            }
            fields.add(field.toString());
            records.add(new CsvRecord(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
