package org.payengine.adapters.antom.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import org.payengine.domain.reconciliation.ReportDay;

/**
 * The times Antom's reports write. Antom documents no format for them, so every form seen in Antom's files and
 * samples is read: ISO 8601 with an offset ({@code 2026-01-05T10:00:00+08:00}, as Antom's APIs write times),
 * {@code 2026-01-05 10:00:00} and its variants without an offset (taken at UTC+8, Antom's home offset), and a bare
 * date (its start, at UTC+8).
 */
final class ReportTimes {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][/]MM[-][/]dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH[:]mm[:]ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("uuuu/MM/dd"));

    private ReportTimes() {
    }

    /** @throws IllegalArgumentException naming the text when it is none of the forms above */
    static Instant parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // one of the forms without an offset, below
        }
        try {
            return LocalDateTime.parse(value, LOCAL).toInstant(ReportDay.ANTOM_OFFSET);
        } catch (DateTimeParseException notLocal) {
            // perhaps a date alone
        }
        for (DateTimeFormatter date : DATES) {
            try {
                return LocalDate.parse(value, date).atStartOfDay().toInstant(ReportDay.ANTOM_OFFSET);
            } catch (DateTimeParseException notThisForm) {
                // the next form
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a time such as 2026-01-05 10:00:00 or "
                + "2026-01-05T10:00:00+08:00");
    }
}
