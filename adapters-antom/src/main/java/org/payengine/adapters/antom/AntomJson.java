package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alibaba.fastjson.parser.ParserConfig;
import com.alipay.global.api.model.ResultStatusType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.money.Money;

/**
 * Reads the fields of Antom's answers and notifications: strings, amounts
 * ({@code {"currency":"SGD","value":"4200"}}), ISO 8601 times with offset, and the {@code result}
 * envelope. A required field that is absent or invalid raises {@link FieldException} naming it.
 */
final class AntomJson {

    /** fastjson with auto-typing off for good ({@code "@type"} never instantiates a class), without touching the global config. */
    private static final ParserConfig SAFE_JSON = safeJson();

    private AntomJson() {
    }

    /** Parses text that is not yet known to be Antom's; null when it is not a JSON object. */
    static JSONObject parseUntrusted(String text) {
        try {
            Object parsed = JSON.parse(text, SAFE_JSON);
            return parsed instanceof JSONObject ? (JSONObject) parsed : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ParserConfig safeJson() {
        ParserConfig config = new ParserConfig();
        config.setSafeMode(true);
        return config;
    }

    /** A required field of Antom's is absent or invalid. */
    static final class FieldException extends Exception {
        FieldException(String field, String reason) {
            super(field + " " + reason, null, false, false);
        }
    }

    /** Antom's {@code result} envelope. */
    record Envelope(String status, String code, String message) {
        boolean is(String expected) {
            return expected.equals(status);
        }

        ResultCode resultCode() {
            return ResultCode.of(code);
        }

        /** The status as the SDK models it. */
        ResultStatusType model() {
            return ResultStatusType.valueOf(status);
        }
    }

    static Envelope result(JSONObject json, String field) throws FieldException {
        JSONObject result = object(json, field);
        String status = required(result, "resultStatus", field + ".resultStatus");
        if (!(status.equals("S") || status.equals("F") || status.equals("U"))) {
            throw new FieldException(field + ".resultStatus", "is '" + status + "', not S, F or U");
        }
        String code = optional(result, "resultCode");
        Envelope envelope = new Envelope(status, code == null ? status : code, optional(result, "resultMessage"));
        try {
            envelope.resultCode();
        } catch (InvalidValueException e) {
            throw new FieldException(field + ".resultCode", "is invalid: " + e.reason());
        }
        return envelope;
    }

    static JSONObject object(JSONObject json, String field) throws FieldException {
        Object value = json.get(field);
        if (!(value instanceof JSONObject)) {
            throw new FieldException(field, value == null ? "is missing" : "is not an object");
        }
        return (JSONObject) value;
    }

    /** A nested object, or null when absent or not an object. */
    static JSONObject objectOrNull(JSONObject json, String field) {
        Object value = json == null ? null : json.get(field);
        return value instanceof JSONObject ? (JSONObject) value : null;
    }

    static String required(JSONObject json, String field) throws FieldException {
        return required(json, field, field);
    }

    private static String required(JSONObject json, String key, String field) throws FieldException {
        String value = optional(json, key);
        if (value == null) {
            throw new FieldException(field, "is missing");
        }
        return value;
    }

    /** A string field, or null when absent or blank; numbers and booleans are read as their text. */
    static String optional(JSONObject json, String field) {
        Object value = json == null ? null : json.get(field);
        if (value == null || value instanceof JSONObject || value instanceof Iterable) {
            return null;
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }

    /** A required id, built by the domain's id type (at most 64 characters, no control characters). */
    static <T> T id(JSONObject json, String field, Function<String, T> type) throws FieldException {
        return valid(field, required(json, field), type);
    }

    static <T> T optionalId(JSONObject json, String field, Function<String, T> type) throws FieldException {
        String value = optional(json, field);
        return value == null ? null : valid(field, value, type);
    }

    static Money money(JSONObject json, String field) throws FieldException {
        JSONObject amount = object(json, field);
        try {
            return Money.fromAntom(required(amount, "currency", field + ".currency"),
                    required(amount, "value", field + ".value"));
        } catch (InvalidValueException e) {
            throw new FieldException(field, "is invalid: " + e.reason());
        }
    }

    static Money optionalMoney(JSONObject json, String field) throws FieldException {
        return json.get(field) == null ? null : money(json, field);
    }

    /** An ISO 8601 time with offset; null when absent. A malformed time is not a reason to lose a fact. */
    static Instant time(JSONObject json, String field) {
        String value = optional(json, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> T valid(String field, String value, Function<String, T> type) throws FieldException {
        try {
            return type.apply(value);
        } catch (InvalidValueException e) {
            throw new FieldException(field, "is invalid: " + e.reason());
        }
    }
}
