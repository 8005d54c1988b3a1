package org.payengine.domain.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.money.Money;

/**
 * The one capture of an attempt, one record per state, each holding exactly its facts:
 *
 * <pre>
 * {@link Requested} ──▶ {@link Processing} ──▶ {@link Succeeded}
 *      │  ▲                 │
 *      ▼  │ retried         ▼
 *    {@link Failed} ◀──────────────┘        (a failed capture may still be reported succeeded)
 * </pre>
 *
 * The transitions exist only on the states they leave: {@link Open} (not succeeded) may succeed, {@link Unresolved}
 * (awaiting Antom's answer) may fail, a {@link Requested} one be processing, and only a {@link Failed} one is retried.
 * An attempt's state types say which captures they can hold: an authorized attempt an open one, a captured one a
 * succeeded one, a cancelled one a {@link Settled settled} one.
 *
 * <p>Every state has: the capture request id (generated once by PayEngine for a manual capture and reused on every
 * retry; Antom's own for an automatic capture, {@code null} if Antom gave none), Antom's capture id once known, the
 * amount, and when the capture was requested (or first reported, for an automatic capture).
 */
public sealed interface Capture permits Capture.Open, Capture.Settled {

    CaptureRequestId requestId();

    /** Antom's capture id, once known. */
    CaptureId captureId();

    Money amount();

    Instant requestedAt();

    CaptureStatus status();

    /** When Antom captured; only a {@link Succeeded} capture has it. */
    default Instant capturedAt() {
        return null;
    }

    /** Antom's reason when the last try failed: a {@link Failed} capture's, kept by its retry. */
    default Failure failure() {
        return null;
    }

    default boolean isSucceeded() {
        return this instanceof Succeeded;
    }

    /** A capture as a store saved it, its state rebuilt from the parts a store keeps in columns. */
    static Capture restore(CaptureRequestId requestId, CaptureId captureId, Money amount, CaptureStatus status,
                           Instant requestedAt, Instant capturedAt, Failure failure) {
        if (status != CaptureStatus.SUCCEEDED && capturedAt != null) {
            throw new IllegalArgumentException("a " + status + " capture has no capture time");
        }
        return switch (status) {
            case REQUESTED -> new Requested(requestId, captureId, amount, requestedAt, failure);
            case PROCESSING -> withoutFailure(failure, new Processing(requestId, captureId, amount, requestedAt));
            case SUCCEEDED -> withoutFailure(failure, new Succeeded(requestId, captureId, amount, requestedAt, capturedAt));
            case FAILED -> new Failed(requestId, captureId, amount, requestedAt, failure);
        };
    }

    /** A capture written before Antom's capture API is called. */
    static Requested requested(CaptureRequestId requestId, Money amount, Instant now) {
        return new Requested(Objects.requireNonNull(requestId, "requestId"), null, amount, now, null);
    }

    /** A capture Antom reported before (or without) answering a request of the engine's: an automatic capture. */
    static Processing reportedBy(CaptureRequestId antomRequestId, Money amount, Instant now) {
        return new Processing(antomRequestId, null, amount, now);
    }

    /**
     * What this capture says to a fact about a capture of its attempt, before the attempt's state is asked: one
     * capture per attempt, so a fact naming another capture request id, or another capture id than a known one, is a
     * contradiction; a success known already is no news. Empty when the capture has nothing against the fact.
     */
    default Optional<Move> judge(CaptureFact fact) {
        if (requestId() != null && fact.captureRequestId() != null && !requestId().equals(fact.captureRequestId())) {
            return Optional.of(Move.contradiction("CAPTURE_REQUEST_ID_MISMATCH", fact instanceof CaptureSucceeded));
        }
        if (fact instanceof CaptureSucceeded succeeded) {
            if (captureId() != null && !captureId().equals(succeeded.captureId())) {
                return Optional.of(Move.contradiction("SECOND_CAPTURE", true));
            }
            return isSucceeded() ? Optional.of(Move.stay("capture already known")) : Optional.empty();
        }
        if (fact instanceof CaptureFailed && isSucceeded()) {
            return Optional.of(Move.contradiction("CAPTURE_FAILED_AFTER_SUCCESS", false));
        }
        return Optional.empty();
    }

    private static <C extends Capture> C withoutFailure(Failure failure, C capture) {
        if (failure != null) {
            throw new IllegalArgumentException("a " + capture.status() + " capture has no failure");
        }
        return capture;
    }

    private static void common(Money amount, Instant requestedAt) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** A capture that has not succeeded (yet): Antom may still report it succeeded. */
    sealed interface Open extends Capture permits Unresolved, Failed {

        /** Antom captured; keeps the engine's capture request id, else takes Antom's. */
        default Succeeded succeeded(CaptureRequestId antomRequestId, CaptureId id, Instant at) {
            return new Succeeded(requestId() != null ? requestId() : antomRequestId, id, amount(), requestedAt(), at);
        }
    }

    /** A capture whose answer Antom gave: succeeded or failed. Only such a capture may stay with a cancelled attempt. */
    sealed interface Settled extends Capture permits Succeeded, Failed {
    }

    /** A capture whose answer is awaited: requested, or processing at Antom. */
    sealed interface Unresolved extends Open permits Requested, Processing {

        default Failed failed(ResultCode code, String message) {
            return new Failed(requestId(), captureId(), amount(), requestedAt(), new Failure(code, message));
        }
    }

    /**
     * Written before Antom's capture API is called (again, for a retry).
     *
     * @param lastFailure the failure of the try before this retry; {@code null} for a first try
     */
    record Requested(CaptureRequestId requestId, CaptureId captureId, Money amount, Instant requestedAt,
                     Failure lastFailure) implements Unresolved {

        public Requested {
            Objects.requireNonNull(requestId, "a requested capture has its capture request id");
            common(amount, requestedAt);
        }

        @Override
        public CaptureStatus status() {
            return CaptureStatus.REQUESTED;
        }

        @Override
        public Failure failure() {
            return lastFailure;
        }

        /** Antom took the capture and will notify its result. */
        public Processing processing() {
            return new Processing(requestId, captureId, amount, requestedAt);
        }
    }

    /** Antom took the capture (or reported one of its own) and its result is awaited. */
    record Processing(CaptureRequestId requestId, CaptureId captureId, Money amount, Instant requestedAt)
            implements Unresolved {

        public Processing {
            common(amount, requestedAt);
        }

        @Override
        public CaptureStatus status() {
            return CaptureStatus.PROCESSING;
        }
    }

    /** Antom captured the funds. Final. */
    record Succeeded(CaptureRequestId requestId, CaptureId captureId, Money amount, Instant requestedAt,
                     Instant capturedAt) implements Settled {

        public Succeeded {
            Objects.requireNonNull(captureId, "a succeeded capture has Antom's capture id");
            Objects.requireNonNull(capturedAt, "a succeeded capture has its capture time");
            common(amount, requestedAt);
        }

        @Override
        public CaptureStatus status() {
            return CaptureStatus.SUCCEEDED;
        }
    }

    /** Antom failed the capture; it may be requested again, under the same capture request id, inside the window. */
    record Failed(CaptureRequestId requestId, CaptureId captureId, Money amount, Instant requestedAt, Failure failure)
            implements Open, Settled {

        public Failed {
            Objects.requireNonNull(failure, "a failed capture has Antom's reason");
            common(amount, requestedAt);
        }

        @Override
        public CaptureStatus status() {
            return CaptureStatus.FAILED;
        }

        /**
         * Requested again under the same capture request id. A failure Antom reported without naming a request id
         * gets {@code newRequestId}, which is then kept for every later retry.
         */
        public Requested retried(CaptureRequestId newRequestId) {
            return new Requested(requestId != null ? requestId : newRequestId, captureId, amount, requestedAt, failure);
        }
    }
}
