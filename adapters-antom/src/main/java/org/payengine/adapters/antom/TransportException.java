package org.payengine.adapters.antom;

import com.alipay.global.api.exception.AlipayApiException;

/**
 * A call to Antom produced no answer the engine may trust: not connected, timed out, broken
 * connection, a non-200 status, or an answer that is badly signed, unreadable, or unsigned but more than a
 * gateway refusal. The
 * outcome of such a call is <em>unknown</em>, never a failure: Antom may have acted on it.
 */
final class TransportException extends AlipayApiException {

    /** What went wrong, coarse enough to decide on and to count in metrics. */
    enum Kind {
        /** The connection (TCP or TLS) could not be made: the request was not delivered. */
        NOT_CONNECTED,
        /** No complete answer within the configured timeout. */
        TIMED_OUT,
        /** The connection broke while the request or answer was in flight. */
        BROKEN_CONNECTION,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED,
        /** HTTP status other than 200 and 429 (Antom answers 200 for every business result). */
        HTTP_STATUS,
        /** HTTP 429: too many requests; the call was not taken. */
        RATE_LIMITED,
        /**
         * The answer lacked the {@code signature} or {@code response-time} header, and was not a refusal ({@code F})
         * or an unknown ({@code U}) that Antom's gateway answers unsigned: an unsigned success, an unreadable body,
         * or only one of the two headers.
         */
        UNSIGNED_ANSWER,
        /** The answer's signature header is malformed or does not verify with Antom's key. */
        BAD_SIGNATURE,
        /** Verified, but not a readable Antom answer (not UTF-8, not JSON, no {@code result}). */
        UNREADABLE_ANSWER
    }

    private final Kind kind;

    TransportException(Kind kind, String detail) {
        super(kind + ": " + detail);
        this.kind = kind;
    }

    TransportException(Kind kind, String detail, Throwable cause) {
        super(kind + ": " + detail, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
