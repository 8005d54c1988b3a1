package org.payengine.adapters.antom.reports;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.money.Money;
import org.payengine.domain.reconciliation.SignedMoney;

/**
 * One data line of a report, its fields read by column name; every problem is refused naming the line and the
 * column. Blank fields are absent values.
 */
final class ReportLine {

    private final int line;
    private final List<String> fields;
    private final ReportColumns columns;

    ReportLine(int line, List<String> fields, ReportColumns columns) {
        this.line = line;
        this.fields = fields;
        this.columns = columns;
    }

    int number() {
        return line;
    }

    /** The field of this column, stripped, or {@code null} when the header lacks it or the field is blank. */
    String text(String column) {
        return columns.index(column).map(this::at).orElse(null);
    }

    /** The first of these columns the line has a value in. */
    String firstText(String... candidates) {
        for (String column : candidates) {
            String value = text(column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    String required(String column) {
        String value = text(column);
        if (value == null) {
            throw refusal(column, "is empty, and Antom always fills it");
        }
        return value;
    }

    /** The amount in these columns, or {@code null} when the value is blank. */
    SignedMoney amount(String valueColumn, String currencyColumn) {
        return amount(valueColumn, columns.index(valueColumn), columns.index(currencyColumn), null);
    }

    /**
     * @param fallback the currency to take when the line names none (a fee is in the settlement currency unless it
     *                 says otherwise), or {@code null} to require one
     */
    SignedMoney amount(String valueName, Optional<Integer> valueColumn, Optional<Integer> currencyColumn,
                       Currency fallback) {
        String value = valueColumn.map(this::at).orElse(null);
        if (value == null) {
            return null;
        }
        String code = currencyColumn.map(this::at).orElse(null);
        Currency currency;
        if (code == null) {
            if (fallback == null) {
                throw refusal(valueName, "has the amount " + value + " but no currency");
            }
            currency = fallback;
        } else {
            try {
                currency = Money.currency(code);
            } catch (InvalidValueException e) {
                throw refusal(valueName, "is in \"" + code + "\", which is not an ISO 4217 currency with minor units");
            }
        }
        try {
            return SignedMoney.parseMajorUnits(valueName, currency, value);
        } catch (InvalidValueException e) {
            throw refusal(valueName, e.reason());
        }
    }

    /** The time in the first of these columns that has one, or {@code null}. */
    Instant time(String... candidates) {
        for (String column : candidates) {
            String value = text(column);
            if (value != null) {
                try {
                    return ReportTimes.parse(value);
                } catch (IllegalArgumentException e) {
                    throw refusal(column, e.getMessage());
                }
            }
        }
        return null;
    }

    long count(String column) {
        String value = required(column);
        try {
            long count = Long.parseLong(value);
            if (count < 0) {
                throw refusal(column, "\"" + value + "\" is negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw refusal(column, "\"" + value + "\" is not a whole number");
        }
    }

    ReportRefusal refusal(String column, String reason) {
        return new ReportRefusal(line, "line " + line + ", column " + column + ": " + reason);
    }

    private String at(int index) {
        String value = fields.get(index).strip();
        return value.isEmpty() ? null : value;
    }
}
