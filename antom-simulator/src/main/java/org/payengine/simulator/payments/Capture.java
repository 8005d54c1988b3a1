package org.payengine.simulator.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.Money;

/** One capture of a payment (manual, or Antom's own right after an automatic-capture authorization). */
public final class Capture {

    final String captureRequestId;
    final String captureId;
    final Money amount;
    final boolean automatic;
    final Instant requestedAt;
    /** The request as first received (canonical form), for idempotency; null for automatic captures. */
    final JsonNode request;
    PaymentStatus status = PaymentStatus.PROCESSING;
    AntomResult result = AntomResult.CAPTURE_IN_PROCESS;
    Instant captureTime;

    Capture(String captureRequestId, String captureId, Money amount, boolean automatic, Instant requestedAt, JsonNode request) {
        this.captureRequestId = captureRequestId;
        this.captureId = captureId;
        this.amount = amount;
        this.automatic = automatic;
        this.requestedAt = requestedAt;
        this.request = request;
    }

    public String captureRequestId() {
        return captureRequestId;
    }

    public String captureId() {
        return captureId;
    }

    public PaymentStatus status() {
        return status;
    }

    public AntomResult result() {
        return result;
    }

    public Instant captureTime() {
        return captureTime;
    }

    public Money amount() {
        return amount;
    }

    /** Whether Antom captured by itself right after an automatic-capture authorization. */
    public boolean automatic() {
        return automatic;
    }

    public Instant requestedAt() {
        return requestedAt;
    }
}
