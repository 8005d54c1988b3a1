package org.payengine.adapters.http.api;

import org.payengine.adapters.http.transport.HttpError;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.domain.Rejection;

/**
 * The HTTP status of a business refusal, by its code: {@code *_NOT_FOUND} is 404, {@code ANTOM_UNAVAILABLE}
 * is 503 (nothing is known to have happened; try again), {@code ANTOM_BUSY} 503 with the {@code Retry-After} the
 * node's call budget gives (nothing was sent), a capture mode the payment cannot have is 422 on
 * {@code captureMode}, a refund's amount that cannot be refunded is 422 on the part of {@code amount} at fault, and
 * every other refusal is a conflict with the state of the order or payment, 409.
 * The code and message are the refusal's own.
 */
public final class Rejections {

    private Rejections() {
    }

    public static HttpError asError(Rejection rejection) {
        String code = rejection.code();
        if (code.endsWith("_NOT_FOUND")) {
            return HttpError.notFound(code, rejection.message());
        }
        if (code.equals("ANTOM_UNAVAILABLE")) {
            return new HttpError(503, code, rejection.message(), null);
        }
        if (rejection instanceof AntomBusy busy) {
            return new HttpError(503, code, rejection.message(), null)
                    .retryAfter((int) Math.min(Integer.MAX_VALUE, busy.retryAfterSeconds()));
        }
        if (code.equals("INVALID_CAPTURE_MODE")) {
            return new HttpError(422, code, rejection.message(), "captureMode");
        }
        if (code.equals("REFUND_EXCEEDS_CAPTURED") || code.equals("INVALID_REFUND_AMOUNT")) {
            return new HttpError(422, code, rejection.message(), "amount.value");
        }
        if (code.equals("REFUND_CURRENCY_MISMATCH")) {
            return new HttpError(422, code, rejection.message(), "amount.currency");
        }
        return new HttpError(409, code, rejection.message(), null);
    }
}
