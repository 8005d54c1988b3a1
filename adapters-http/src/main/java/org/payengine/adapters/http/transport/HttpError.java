package org.payengine.adapters.http.transport;

import java.util.Objects;
import org.payengine.domain.CardDataRefusedException;
import org.payengine.domain.InvalidValueException;

/**
 * A request the engine refuses, with the HTTP status and the error body it is answered with:
 * {@code {"error":{"code","message","field"?}}}. Thrown anywhere below a handler and turned into the answer
 * by {@link ErrorAnswers}; it carries no request data beyond what its message names.
 */
public final class HttpError extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Integer retryAfterSeconds;

    public HttpError(int status, String code, String message, String field) {
        this(status, code, message, field, null);
    }

    private HttpError(int status, String code, String message, String field, Integer retryAfterSeconds) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same error, answered with {@code Retry-After: seconds} (a 503 has 5 unless told otherwise). */
    public HttpError retryAfter(int seconds) {
        return new HttpError(status, code, getMessage(), field, seconds);
    }

    public static HttpError malformedJson(String message) {
        return new HttpError(400, "MALFORMED_JSON", message, null);
    }

    public static HttpError unauthorized(String message) {
        return new HttpError(401, "UNAUTHORIZED", message, null);
    }

    public static HttpError notFound(String code, String message) {
        return new HttpError(404, code, message, null);
    }

    public static HttpError bodyTooLarge(int maxBytes) {
        return new HttpError(413, "BODY_TOO_LARGE", "The request body is larger than " + maxBytes + " bytes", null);
    }

    public static HttpError unsupportedMediaType(String contentType) {
        return new HttpError(415, "UNSUPPORTED_MEDIA_TYPE",
                "The request body must be JSON sent as Content-Type: application/json, not " + contentType, null);
    }

    public static HttpError missingField(String field) {
        return new HttpError(422, "MISSING_FIELD", field + ": is required", field);
    }

    public static HttpError wrongType(String field, String expected) {
        return new HttpError(422, "WRONG_TYPE", field + ": must be " + expected, field);
    }

    public static HttpError invalidValue(String field, String reason) {
        return new HttpError(422, "INVALID_VALUE", field + ": " + reason, field);
    }

    /**
     * The domain's refusal of the value of {@code field}: 422 {@code CARD_DATA_REFUSED} for what looks like a card
     * number, 422 {@code INVALID_VALUE} for anything else, with the domain's reason.
     */
    public static HttpError refused(String field, InvalidValueException refused) {
        if (refused instanceof CardDataRefusedException) {
            return cardDataRefused(field, refused.reason());
        }
        return invalidValue(field, refused.reason());
    }

    /** 422 {@code CARD_DATA_REFUSED}: PayEngine never takes card numbers or security codes. */
    public static HttpError cardDataRefused(String field, String reason) {
        return new HttpError(422, "CARD_DATA_REFUSED", field + ": " + reason, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The seconds a {@code Retry-After} header tells the client to wait, {@code null} for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds != null ? retryAfterSeconds : status == 503 ? Integer.valueOf(5) : null;
    }

    /** The request field the error is about, e.g. {@code amount.value}; {@code null} when it is about no one field. */
    public String field() {
        return field;
    }
}
