package org.payengine.adapters.http.api;

import io.undertow.server.HttpServerExchange;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.domain.InvalidValueException;

/**
 * The query parameters of a listing ({@code GET /v1/orders}, {@code GET /v1/payments}), each checked and refused
 * naming it: an unknown parameter is 400 {@code UNKNOWN_PARAMETER} (a misspelt filter would otherwise list
 * everything), a value that is not what the parameter takes is 422 {@code INVALID_VALUE}.
 */
final class ListingParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final Map<String, Deque<String>> parameters;

    private ListingParameters(Map<String, Deque<String>> parameters) {
        this.parameters = parameters;
    }

    /** The request's parameters, refusing any but {@code known}. */
    static ListingParameters of(HttpServerExchange exchange, Set<String> known) {
        Map<String, Deque<String>> parameters = exchange.getQueryParameters();
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw new HttpError(400, "UNKNOWN_PARAMETER", printable(name) + ": is not a parameter of this listing;"
                        + " it takes " + String.join(", ", known.stream().sorted().toList()), printable(name));
            }
        }
        return new ListingParameters(parameters);
    }

    /** {@code limit}: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    int limit() {
        String text = single("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            throw HttpError.invalidValue("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was \""
                    + printable(text) + "\"");
        }
        return Integer.parseInt(text);
    }

    /** An instant with its offset ({@code 2025-03-01T08:00:00+08:00}), or a date (its start, UTC); null when absent. */
    Instant instant(String name) {
        String text = single(name);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notAnInstant) {
            throw HttpError.invalidValue(name, "must be an ISO 8601 instant with its offset, e.g."
                    + " 2025-03-01T00:00:00Z, or a date, e.g. 2025-03-01 (its start in UTC); was \"" + printable(text)
                    + "\"");
        }
    }

    /** Upper-case names of {@code type}, comma-separated and/or repeated; empty (any) when absent. */
    <E extends Enum<E>> Set<E> statuses(String name, Class<E> type) {
        Set<E> statuses = EnumSet.noneOf(type);
        for (String value : all(name)) {
            if (value.isEmpty()) {
                continue;
            }
            for (String status : value.split(",", -1)) {
                statuses.add(Arrays.stream(type.getEnumConstants())
                        .filter(constant -> constant.name().equals(status.trim()))
                        .findFirst()
                        .orElseThrow(() -> HttpError.invalidValue(name, "must be one or more (comma-separated) of "
                                + Arrays.toString(type.getEnumConstants()) + ", was \"" + printable(status) + "\"")));
            }
        }
        return statuses;
    }

    /** {@code true} or {@code false}; false when absent. */
    boolean flag(String name) {
        String text = single(name);
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw HttpError.invalidValue(name, "must be true or false, was \"" + printable(text) + "\"");
    }

    /** The cursor of {@code after}, read by {@code ofToken}; null when absent. */
    <C> C after(Function<String, C> ofToken) {
        String token = single("after");
        if (token == null) {
            return null;
        }
        try {
            return ofToken.apply(token);
        } catch (InvalidValueException notACursor) {
            throw HttpError.invalidValue("after", "is not a cursor of this listing: pass the \"next\" of the page"
                    + " before, as it was given");
        }
    }

    private String single(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw HttpError.invalidValue(name, "must be given once, was given " + values.size() + " times");
        }
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private List<String> all(String name) {
        Deque<String> values = parameters.get(name);
        return values == null ? List.of() : new ArrayList<>(values);
    }

    private static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
