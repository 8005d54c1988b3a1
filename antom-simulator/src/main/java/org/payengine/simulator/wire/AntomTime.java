package org.payengine.simulator.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Antom's datetimes: ISO 8601 with an explicit offset, seconds precision ({@code 2019-11-27T12:01:01+08:00}). */
public final class AntomTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private AntomTime() {
    }

    /** Formats at UTC+08:00, Antom's home offset. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(OFFSET));
    }

    /** Parses an ISO 8601 datetime that carries an offset. */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
