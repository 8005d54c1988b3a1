package org.payengine.application.port;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.fact.ResultCode;

/**
 * The outcome of one call to the payment gateway. Exactly one of three:
 * <ul>
 *   <li>{@link Completed}: Antom answered the call with {@code S}, or with {@code U} that says how the
 *       operation stands (e.g. {@code PAYMENT_IN_PROCESS}); the value says what it said;</li>
 *   <li>{@link Refused}: Antom's definite {@code F}: the call was not and will not be carried out under
 *       this request id (what that means for the payment is the use case's decision);</li>
 *   <li>{@link Unknown}: no definite answer (timeout, broken connection, 5xx, unsigned or badly signed
 *       answer, {@code UNKNOWN_EXCEPTION}, rate limiting): the operation may or may not have happened.
 *       Never a failure.</li>
 * </ul>
 *
 * @param <T> what a completed call says
 */
public sealed interface GatewayOutcome<T> permits GatewayOutcome.Completed, GatewayOutcome.Refused,
        GatewayOutcome.Unknown {

    static <T> GatewayOutcome<T> completed(T value) {
        return new Completed<>(value);
    }

    static <T> GatewayOutcome<T> refused(ResultCode code, String message) {
        return new Refused<>(code, message);
    }

    static <T> GatewayOutcome<T> unknown(String reason, boolean sameRequestMayBeResent) {
        return new Unknown<>(reason, sameRequestMayBeResent);
    }

    record Completed<T>(T value) implements GatewayOutcome<T> {
        public Completed {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Antom's result code and message, verbatim. */
    record Refused<T>(ResultCode code, String message) implements GatewayOutcome<T> {
        public Refused {
            Objects.requireNonNull(code, "code");
            message = Text.tidied(message, 512);
        }
    }

    /**
     * @param reason                 what went wrong, for logs (never a secret)
     * @param sameRequestMayBeResent whether sending the very same request (same request id) again is safe
     *                               and useful; the adapter decides, the application never sleeps on it
     */
    record Unknown<T>(String reason, boolean sameRequestMayBeResent) implements GatewayOutcome<T> {
        public Unknown {
            reason = reason == null || reason.isBlank() ? "unknown" : Text.tidied(reason, 512);
        }
    }
}
