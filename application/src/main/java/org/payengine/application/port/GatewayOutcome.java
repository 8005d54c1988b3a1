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
 *   <li>{@link Unknown}: no definite answer (timeout, broken connection, 5xx, an unsigned or badly signed
 *       answer that claims more than a refusal, {@code UNKNOWN_EXCEPTION}, rate limiting): the operation may or
 *       may not have happened. Never a failure. {@link Unknown#rateLimited()} tells Antom's "slow down" apart
 *       from the rest.</li>
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

    /**
     * Antom asked this engine to slow down ({@code REQUEST_TRAFFIC_EXCEED_LIMIT}, or HTTP 429): an unknown outcome
     * whose same request may be resent once the caller has backed off.
     */
    static <T> GatewayOutcome<T> rateLimited(String reason) {
        return new Unknown<>(reason, true, true);
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
     * @param rateLimited            whether the gateway refused the call for the rate of calls
     *                               ({@code REQUEST_TRAFFIC_EXCEED_LIMIT}, HTTP 429): the whole node should back
     *                               off before calling again; it says nothing about the payment itself and uses
     *                               up none of its retries
     */
    record Unknown<T>(String reason, boolean sameRequestMayBeResent, boolean rateLimited) implements GatewayOutcome<T> {
        public Unknown {
            reason = reason == null || reason.isBlank() ? "unknown" : Text.tidied(reason, 512);
        }

        /** An unknown outcome that is not about the rate of calls. */
        public Unknown(String reason, boolean sameRequestMayBeResent) {
            this(reason, sameRequestMayBeResent, false);
        }
    }
}
