package org.payengine.application.port;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.id.ReferenceOrderId;

/**
 * A place in the {@link OrderListing}: just after the order created at {@code createdAt} with the reference order id
 * {@code orderId}. The order need not exist any more (nor ever have existed): the listing continues with the orders
 * that come after that place.
 *
 * <p>{@link #token()} is a short URL-safe text form, for a "next page" link; {@link #ofToken(String)} reads it back.
 */
public record OrderCursor(Instant createdAt, ReferenceOrderId orderId) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public OrderCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(orderId, "orderId");
    }

    /** The cursor as URL-safe text; opaque to whoever holds it. */
    public String token() {
        return ENCODER.encodeToString((createdAt + " " + orderId.value()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a {@link #token()} stands for.
     *
     * @throws InvalidValueException (field {@code cursor}) when the text is no cursor's token
     */
    public static OrderCursor ofToken(String token) {
        try {
            String text = new String(DECODER.decode(Objects.requireNonNull(token, "token")), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (space < 0) {
                throw new InvalidValueException("cursor", "is not a cursor of the order listing");
            }
            return new OrderCursor(Instant.parse(text.substring(0, space)), ReferenceOrderId.of(text.substring(space + 1)));
        } catch (IllegalArgumentException | DateTimeException notACursor) {
            throw new InvalidValueException("cursor", "is not a cursor of the order listing");
        }
    }
}
