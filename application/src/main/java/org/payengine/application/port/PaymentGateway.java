package org.payengine.application.port;

import java.util.List;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.RefundFact;

/**
 * Antom, as PayEngine sees it: each call takes a request built from domain values and returns a
 * {@link GatewayOutcome} — completed (what Antom said, as domain facts), refused (Antom's definite
 * {@code F} with its code and message), or unknown (no definite answer).
 *
 * <p>Contract for every method:
 * <ul>
 *   <li>One call, one network exchange (at most a few internal resends of the identical request when the
 *       adapter knows them to be safe). The application never sleeps or retries on the gateway's behalf;
 *       the adapter says whether the same request may be resent in {@link GatewayOutcome.Unknown}.</li>
 *   <li>Requests carry their idempotency keys (payment, capture and refund request ids): sending the same
 *       request again yields Antom's original result, never a second payment, capture or refund.</li>
 *   <li>A timeout, a transport error, an HTTP error status, or an answer whose signature does not verify is
 *       {@link GatewayOutcome.Unknown}, never {@link GatewayOutcome.Refused}. An answer without a signature is
 *       {@link GatewayOutcome.Refused} only when it is the gateway's own definite refusal of the call before any
 *       business processing (Antom's gateway answers its authentication and configuration errors, such as
 *       {@code INVALID_SIGNATURE} or {@code KEY_NOT_FOUND}, unsigned); an unsigned answer that claims anything more
 *       is {@link GatewayOutcome.Unknown}.</li>
 *   <li>Being asked to slow down ({@code REQUEST_TRAFFIC_EXCEED_LIMIT}, HTTP 429) is {@link GatewayOutcome.Unknown}
 *       with {@link GatewayOutcome.Unknown#rateLimited()} set.</li>
 *   <li>Never throws for anything Antom or the network does; a thrown runtime exception is a bug, and the
 *       application treats it as unknown.</li>
 *   <li>Thread-safe; called outside any transaction.</li>
 * </ul>
 */
public interface PaymentGateway {

    /**
     * Creates a payment ({@code pay}).
     *
     * @return completed with {@link org.payengine.domain.fact.PaymentInProcess} (the usual answer for the hosted
     *         page: Antom's payment id and the page's URL) or {@link org.payengine.domain.fact.PaymentSucceeded}
     *         (e.g. a stored card paid without the buyer); refused when Antom failed the payment; unknown otherwise
     */
    GatewayOutcome<PaymentFact> pay(PaymentRequest request);

    /**
     * Asks how a payment stands ({@code inquiryPayment}).
     *
     * @return completed with the facts the answer holds: one {@link PaymentFact} for the payment status
     *         ({@code PROCESSING}/{@code PENDING} → in process, {@code SUCCESS} → succeeded, {@code FAIL} → failed,
     *         {@code CANCELLED} → cancelled), followed by one {@link CaptureFact} or {@link RefundFact} per capture or
     *         refund transaction reported; refused when the inquiry itself failed (e.g. {@code ORDER_NOT_EXIST}:
     *         Antom has no payment with this id); unknown otherwise
     */
    GatewayOutcome<List<Fact>> inquirePayment(PaymentInquiry inquiry);

    /**
     * Captures authorized funds ({@code capture}).
     *
     * @return completed with {@link org.payengine.domain.fact.CaptureSucceeded} or
     *         {@link org.payengine.domain.fact.CaptureProcessing} ({@code CAPTURE_IN_PROCESS}); refused when Antom
     *         failed the capture; unknown otherwise
     */
    GatewayOutcome<CaptureFact> capture(CaptureRequest request);

    /**
     * Cancels a payment ({@code cancel}): closes one still in process, voids an authorization, and where Antom
     * allows it gives captured funds back.
     *
     * @return completed with {@link PaymentCancelled}; refused with Antom's reason (e.g. {@code CANCEL_WINDOW_EXCEED},
     *         {@code ORDER_STATUS_INVALID}); unknown otherwise
     */
    GatewayOutcome<PaymentCancelled> cancel(CancelRequest request);

    /**
     * Refunds captured funds ({@code refund}).
     *
     * @return completed with {@link org.payengine.domain.fact.RefundSucceeded} or
     *         {@link org.payengine.domain.fact.RefundProcessing}; refused when Antom failed the refund; unknown otherwise
     */
    GatewayOutcome<RefundFact> refund(RefundRequest request);

    /**
     * Asks how a refund stands ({@code inquiryRefund}).
     *
     * @return completed with the refund's state as a {@link RefundFact} (including {@link
     *         org.payengine.domain.fact.RefundFailed} for a refund Antom failed); refused when the inquiry itself
     *         failed; unknown otherwise
     */
    GatewayOutcome<RefundFact> inquireRefund(RefundInquiry inquiry);

    /** Lists the payment options Antom offers ({@code consult}). */
    GatewayOutcome<List<PaymentMethodOption>> consult(ConsultRequest request);
}
