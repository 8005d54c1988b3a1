package org.payengine.application.port;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.id.PaymentRequestId;

/**
 * A place in the {@link OrderListing}'s payments: just after the attempt created at {@code createdAt} with the
 * payment request id {@code attemptId} (which need not exist). {@link #token()} is its short URL-safe text form,
 * {@link #ofToken(String)} reads it back.
 */
public record PaymentCursor(Instant createdAt, PaymentRequestId attemptId) {

    /** Tells a payment cursor's token from an order cursor's, so that neither is taken for the other. */
    private static final String MARK = "p ";

    public PaymentCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(attemptId, "attemptId");
    }

    /** The cursor as URL-safe text; opaque to whoever holds it. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((MARK + createdAt + " " + attemptId.value()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a {@link #token()} stands for.
     *
     * @throws InvalidValueException (field {@code cursor}) when the text is no payment cursor's token
     */
    public static PaymentCursor ofToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(Objects.requireNonNull(token, "token")),
                    StandardCharsets.UTF_8);
            int space = text.indexOf(' ', MARK.length());
            if (!text.startsWith(MARK) || space < 0) {
                throw new InvalidValueException("cursor", "is not a cursor of the payment listing");
            }
            return new PaymentCursor(Instant.parse(text.substring(MARK.length(), space)),
                    PaymentRequestId.of(text.substring(space + 1)));
        } catch (IllegalArgumentException | DateTimeException notACursor) {
            throw new InvalidValueException("cursor", "is not a cursor of the payment listing");
        }
    }
}
