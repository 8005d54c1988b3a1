package org.payengine.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The few conversions every table shares: instants as {@code TIMESTAMP WITH TIME ZONE} in UTC at the
 * microsecond both databases keep, and nullable values read and bound without surprises.
 */
final class Columns {

    private Columns() {
    }

    /** Both databases keep microseconds; an instant is cut to that before it is stored. */
    static Instant storable(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static <S extends SqlStatement<S>> S bindInstant(S statement, String name, Instant instant) {
        return statement.bindByType(name, instant == null ? null : storable(instant).atOffset(ZoneOffset.UTC),
                OffsetDateTime.class);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** The column's text turned into a value with {@code of}, or {@code null} when the column is NULL. */
    static <T> T text(ResultSet row, String column, Function<String, T> of) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : of.apply(value);
    }

    /** The value's text form ({@code toString()}), or {@code null}. */
    static String textOf(Object value) {
        return value == null ? null : value.toString();
    }
}
