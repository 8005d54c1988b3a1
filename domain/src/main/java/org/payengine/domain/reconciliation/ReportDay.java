package org.payengine.domain.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One day as Antom's reports count it: from 00:00 to 24:00 at UTC+8, Antom's home offset, whatever the merchant's
 * own time zone. A transaction report covers one such day.
 */
public record ReportDay(LocalDate date) implements Comparable<ReportDay> {

    /** The offset of Antom's day boundaries and of the times its reports write without one. */
    public static final ZoneOffset ANTOM_OFFSET = ZoneOffset.ofHours(8);

    public ReportDay {
        Objects.requireNonNull(date, "date");
    }

    public static ReportDay of(LocalDate date) {
        return new ReportDay(date);
    }

    /** The day {@code instant} falls on at UTC+8. */
    public static ReportDay containing(Instant instant) {
        return new ReportDay(instant.atOffset(ANTOM_OFFSET).toLocalDate());
    }

    public Instant start() {
        return date.atStartOfDay().toInstant(ANTOM_OFFSET);
    }

    /** The first instant after the day. */
    public Instant end() {
        return date.plusDays(1).atStartOfDay().toInstant(ANTOM_OFFSET);
    }

    public ReportDay next() {
        return new ReportDay(date.plusDays(1));
    }

    @Override
    public int compareTo(ReportDay other) {
        return date.compareTo(other.date);
    }

    @Override
    public String toString() {
        return date.toString();
    }
}
