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
 * The one capture of an attempt.
 *
 * @param requestId   the capture request id: generated once by PayEngine for a manual capture and reused
 *                    on every retry; Antom's own for an automatic capture ({@code null} if Antom gave none)
 * @param captureId   Antom's capture id, once known
 * @param requestedAt when the capture was requested (or first reported, for an automatic capture)
 * @param capturedAt  when Antom captured, once it did
 * @param failure     Antom's reason when the last try failed
 */
public record Capture(CaptureRequestId requestId, CaptureId captureId, Money amount, CaptureStatus status,
                      Instant requestedAt, Instant capturedAt, Failure failure) {

    public Capture {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (status == CaptureStatus.SUCCEEDED && captureId == null) {
            throw new IllegalArgumentException("a succeeded capture has Antom's capture id");
        }
        if (status == CaptureStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed capture has Antom's reason");
        }
    }

    static Capture requested(CaptureRequestId requestId, Money amount, Instant now) {
        return new Capture(Objects.requireNonNull(requestId, "requestId"), null, amount, CaptureStatus.REQUESTED,
                now, null, null);
    }

    /** A capture Antom reported before (or without) answering a request of the engine's: an automatic capture. */
    static Capture reportedBy(CaptureRequestId antomRequestId, Money amount, Instant now) {
        return new Capture(antomRequestId, null, amount, CaptureStatus.PROCESSING, now, null, null);
    }

    /**
     * What this capture says to a fact about a capture of its attempt, before the attempt's state is asked: one
     * capture per attempt, so a fact naming another capture request id, or another capture id than a known one, is a
     * contradiction; a success known already is no news. Empty when the capture has nothing against the fact.
     */
    Optional<Move> judge(CaptureFact fact) {
        if (requestId != null && fact.captureRequestId() != null && !requestId.equals(fact.captureRequestId())) {
            return Optional.of(Move.contradiction("CAPTURE_REQUEST_ID_MISMATCH", fact instanceof CaptureSucceeded));
        }
        if (fact instanceof CaptureSucceeded succeeded) {
            if (captureId != null && !captureId.equals(succeeded.captureId())) {
                return Optional.of(Move.contradiction("SECOND_CAPTURE", true));
            }
            return isSucceeded() ? Optional.of(Move.stay("capture already known")) : Optional.empty();
        }
        if (fact instanceof CaptureFailed && isSucceeded()) {
            return Optional.of(Move.contradiction("CAPTURE_FAILED_AFTER_SUCCESS", false));
        }
        return Optional.empty();
    }

    Capture processing(CaptureId id) {
        return new Capture(requestId, id != null ? id : captureId, amount, CaptureStatus.PROCESSING, requestedAt,
                null, null);
    }

    Capture succeeded(CaptureRequestId antomRequestId, CaptureId id, Instant at) {
        return new Capture(requestId != null ? requestId : antomRequestId, id, amount, CaptureStatus.SUCCEEDED,
                requestedAt, at, null);
    }

    Capture failed(ResultCode code, String message) {
        return new Capture(requestId, captureId, amount, CaptureStatus.FAILED, requestedAt, null,
                new Failure(code, message));
    }

    /**
     * The failed capture, requested again under the same capture request id. A failure Antom reported without
     * naming a request id gets {@code newRequestId}, which is then kept for every later retry.
     */
    Capture retried(CaptureRequestId newRequestId) {
        return new Capture(requestId != null ? requestId : newRequestId, captureId, amount, CaptureStatus.REQUESTED,
                requestedAt, null, failure);
    }

    public boolean isSucceeded() {
        return status == CaptureStatus.SUCCEEDED;
    }
}
