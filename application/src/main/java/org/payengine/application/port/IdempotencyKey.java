package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.MerchantText;

/**
 * The key a client sends with a request so that a retry of it is answered, not executed again ({@code
 * Idempotency-Key} over HTTP), within the scope of the client that sent it: the same text from two scopes is two
 * keys.
 *
 * @param scope whose key it is (the API a request came through, or the client), 1 to {@value #MAX_SCOPE_LENGTH}
 *              characters
 * @param value the client's key: 1 to {@value #MAX_LENGTH} visible ASCII characters (a UUID is typical), kept for a
 *              while, so never one that looks like a card number ({@link MerchantText})
 */
public record IdempotencyKey(String scope, String value) {

    public static final int MAX_LENGTH = 255;
    public static final int MAX_SCOPE_LENGTH = 64;

    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        if (scope.isEmpty() || scope.length() > MAX_SCOPE_LENGTH) {
            throw new IllegalArgumentException("scope must have 1 to " + MAX_SCOPE_LENGTH + " characters");
        }
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("Idempotency-Key", "must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("Idempotency-Key", "must have at most " + MAX_LENGTH + " characters, had "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidValueException("Idempotency-Key",
                        "must be visible ASCII characters only (letters, digits, punctuation; no spaces)");
            }
        }
        MerchantText.withoutCardNumber("Idempotency-Key", value);
    }

    @Override
    public String toString() {
        return scope + ":" + value;
    }
}
