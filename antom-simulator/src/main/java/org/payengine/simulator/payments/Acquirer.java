package org.payengine.simulator.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.payengine.simulator.clock.Scheduler;
import org.payengine.simulator.notify.Notifier;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.ApiFailure;
import org.payengine.simulator.wire.Money;

/**
 * Antom's side of card payments: creates payments, plays the issuer (by test card) once the buyer
 * has paid through {@link Checkout}, captures, cancels, refunds, expires and releases on the
 * simulated clock, and sends the notifications. Every change to a payment happens while holding
 * its monitor; look-ups use concurrent maps so unrelated payments never contend.
 */
public final class Acquirer {

    /** How long the buyer has to pay when the merchant sets no {@code paymentExpiryTime}. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(14);
    /** How long a manual-capture authorization can be captured before it is released. */
    public static final Duration AUTHORIZATION_VALIDITY = Duration.ofDays(7);
    /** How long the issuer takes for the "processing then …" cards and the asynchronous captures and refunds. */
    public static final Duration ISSUER_DELAY = Duration.ofSeconds(60);
    /** How long after payment a refund is accepted. */
    public static final Duration REFUND_WINDOW = Duration.ofDays(365);
    /** Antom's sandbox declines every payment of this amount value for risk. */
    public static final long RISK_DECLINE_AMOUNT = 11;

    private final Scheduler scheduler;
    private final Notifier notifier;
    private final String defaultNotifyUrl;
    private final boolean buyerRetriesAfterDecline;
    private final Ids ids = new Ids();
    private final Map<String, Payment> paymentsById = new ConcurrentHashMap<>();
    private final Map<String, Payment> paymentsByRequest = new ConcurrentHashMap<>();
    private final Map<String, Capture> capturesByRequest = new ConcurrentHashMap<>();
    private final Map<String, Refund> refundsByRequest = new ConcurrentHashMap<>();
    private final Map<String, Refund> refundsById = new ConcurrentHashMap<>();
    private final Map<String, SavedCard> savedCards = new ConcurrentHashMap<>();
    private final Map<Capture, Payment> captureOwners = new ConcurrentHashMap<>();

    private record SavedCard(String clientId, CardDetails card) {
    }

    /** A pay call's outcome: the payment and the result to answer with. */
    public record PayOutcome(Payment payment, AntomResult answer) {
    }

    /**
     * @param defaultNotifyUrl         the notify URL "configured in the Dashboard", used when a request has
     *                                 none; null for none (then such payments send no notification)
     * @param buyerRetriesAfterDecline whether a decline on the hosted page leaves the payment open for the buyer to
     *                                 try another card, the payment failing (and notified) only when it expires;
     *                                 otherwise a decline fails the payment at once
     */
    public Acquirer(Scheduler scheduler, Notifier notifier, String defaultNotifyUrl, boolean buyerRetriesAfterDecline) {
        this.scheduler = scheduler;
        this.notifier = notifier;
        this.defaultNotifyUrl = defaultNotifyUrl;
        this.buyerRetriesAfterDecline = buyerRetriesAfterDecline;
    }

    public Instant now() {
        return scheduler.clock().now();
    }

    // ---------------------------------------------------------------- pay

    /**
     * Creates a payment, or replays the one created under the same (client id, paymentRequestId):
     * the same request gets the same answer, a different one {@code REPEAT_REQ_INCONSISTENT}.
     *
     * @param checkoutBaseUrl where this simulator's hosted page is reachable, e.g. {@code http://127.0.0.1:8081}
     */
    public PayOutcome pay(Payment.Terms terms, JsonNode canonicalRequest, String checkoutBaseUrl) {
        String key = terms.clientId() + '\u0000' + terms.paymentRequestId();
        Payment existing = paymentsByRequest.get(key);
        if (existing != null) {
            return replay(existing, canonicalRequest);
        }
        SavedCard saved = null;
        if (terms.savedCardToken() != null) {
            saved = savedCards.get(terms.savedCardToken());
            if (saved == null || !saved.clientId().equals(terms.clientId())) {
                throw ApiFailure.paramIllegal("paymentMethod.paymentMethodId is not a card token issued to this client");
            }
        }
        Instant now = now();
        String paymentId = ids.next(now, "1140");
        Payment payment = new Payment(paymentId, terms, now, checkoutBaseUrl + "/checkout/" + paymentId, canonicalRequest);
        synchronized (payment) {
            Payment raced = paymentsByRequest.putIfAbsent(key, payment);
            if (raced != null) {
                return replay(raced, canonicalRequest);
            }
            paymentsById.put(paymentId, payment);
            if (terms.amount().value() == RISK_DECLINE_AMOUNT) {
                failQuietly(payment, AntomResult.failure("RISK_REJECT", "The payment is rejected by risk control."));
                payment.finalPayAnswer = payment.paymentResult;
                return new PayOutcome(payment, payment.paymentResult);
            }
            if (saved != null && terms.merchantInitiated()) {
                authorize(payment, saved.card(), null, false);
                AntomResult answer = answerFor(payment);
                if (answer.isFinal()) {
                    payment.finalPayAnswer = answer;
                }
                return new PayOutcome(payment, answer);
            }
            scheduler.at(terms.expiresAt(), () -> {
                synchronized (payment) {
                    expireIfDue(payment);
                }
            });
            return new PayOutcome(payment, AntomResult.PAYMENT_IN_PROCESS);
        }
    }

    private PayOutcome replay(Payment payment, JsonNode canonicalRequest) {
        if (!payment.request.equals(canonicalRequest)) {
            throw ApiFailure.of("REPEAT_REQ_INCONSISTENT",
                    "The paymentRequestId was used before with different request parameters.");
        }
        synchronized (payment) {
            expireIfDue(payment);
            return new PayOutcome(payment, payment.finalPayAnswer != null ? payment.finalPayAnswer : answerFor(payment));
        }
    }

    private static AntomResult answerFor(Payment payment) {
        return switch (payment.status) {
            case PROCESSING -> AntomResult.PAYMENT_IN_PROCESS;
            case SUCCESS -> AntomResult.SUCCESS;
            case FAIL -> payment.paymentResult;
            case CANCELLED -> AntomResult.failure("ORDER_IS_CANCELED", "The order is cancelled.");
        };
    }

    // ---------------------------------------------------------------- look-ups

    /** The payment with this id, its expiry and authorization release brought up to date. */
    public Optional<Payment> payment(String paymentId) {
        Payment payment = paymentsById.get(paymentId);
        if (payment != null) {
            synchronized (payment) {
                settleDueTimers(payment);
            }
        }
        return Optional.ofNullable(payment);
    }

    /** Every payment, with its expiry and authorization release brought up to date (for the reports). */
    public List<Payment> payments() {
        List<Payment> all = new ArrayList<>(paymentsById.values());
        for (Payment payment : all) {
            synchronized (payment) {
                settleDueTimers(payment);
            }
        }
        return all;
    }

    /** The payment with this id as stored, or null; timers not settled. */
    Payment stored(String paymentId) {
        return paymentsById.get(paymentId);
    }

    /** The saved card a token payment offers on the hosted page, if the merchant passed a token. */
    public Optional<CardDetails> savedCard(Payment payment) {
        String token = payment.terms.savedCardToken();
        return token == null ? Optional.empty() : Optional.ofNullable(savedCards.get(token)).map(SavedCard::card);
    }

    /** The payment of this client by paymentId (wins when both are given) or paymentRequestId. */
    public Payment requirePayment(String clientId, String paymentId, String paymentRequestId) {
        Payment payment = paymentId != null ? paymentsById.get(paymentId)
                : paymentsByRequest.get(clientId + '\u0000' + paymentRequestId);
        if (payment == null || !payment.terms.clientId().equals(clientId)) {
            throw ApiFailure.of("ORDER_NOT_EXIST", "The order does not exist.");
        }
        synchronized (payment) {
            settleDueTimers(payment);
        }
        return payment;
    }

    public Refund requireRefund(String clientId, String refundId, String refundRequestId) {
        Refund refund = refundId != null ? refundsById.get(refundId)
                : refundsByRequest.get(clientId + '\u0000' + refundRequestId);
        if (refund == null || !refund.payment.terms.clientId().equals(clientId)) {
            throw ApiFailure.of("ORDER_NOT_EXIST", "The refund does not exist.");
        }
        return refund;
    }

    // ---------------------------------------------------------------- the issuer

    /**
     * The issuer's decision on the card the buyer gave.
     *
     * @return true when the issuer declined and the buyer may try another card (the payment stays open)
     */
    boolean authorize(Payment payment, CardDetails card, ThreeDSOutcome threeDS, boolean saveCard) {
        payment.card = card;
        payment.threeDS = threeDS;
        payment.pendingSaveCard = saveCard;
        if (card != null) {
            payment.cvvResultRaw = "Y";
            payment.avsResultRaw = card.behaviour() == CardBehaviour.AVS_MISMATCH ? "N" : "Y";
            payment.networkTransactionId = ids.networkTransactionId();
        }
        CardBehaviour behaviour = card == null ? CardBehaviour.APPROVE : card.behaviour();
        if (behaviour.declineCode() != null && behaviour != CardBehaviour.PROCESSING_THEN_FAIL) {
            return decline(payment, AntomResult.failure(behaviour.declineCode(), behaviour.declineMessage()));
        }
        switch (behaviour) {
            case PROCESSING_THEN_SUCCESS, PROCESSING_THEN_FAIL -> {
                payment.stage = CheckoutStage.ISSUER_PROCESSING;
                scheduler.at(now().plus(ISSUER_DELAY), () -> {
                    synchronized (payment) {
                        if (payment.status == PaymentStatus.PROCESSING && payment.stage == CheckoutStage.ISSUER_PROCESSING) {
                            if (behaviour == CardBehaviour.PROCESSING_THEN_SUCCESS) {
                                succeed(payment);
                            } else {
                                fail(payment, AntomResult.failure(behaviour.declineCode(), behaviour.declineMessage()));
                            }
                        }
                    }
                });
            }
            case STAYS_PROCESSING -> payment.stage = CheckoutStage.ISSUER_PROCESSING;
            default -> succeed(payment);
        }
        return false;
    }

    /**
     * The buyer's card was declined on the hosted page (by the issuer, the 3DS challenge or Antom's invalid-data
     * test values): the payment fails at once, or — when buyers may retry — it stays open on the card form until it
     * succeeds or expires, and the {@code F} notification comes only at expiry (the hosted-mode guide: "if the payment
     * is not completed, you need to wait for Antom to close the order before sending the asynchronous notification").
     *
     * @return true when the buyer may try another card
     */
    boolean decline(Payment payment, AntomResult reason) {
        if (!buyerRetriesAfterDecline || payment.terms.merchantInitiated()) {
            fail(payment, reason);
            return false;
        }
        payment.lastDecline = reason;
        payment.stage = CheckoutStage.AWAITING_BUYER;
        payment.pendingCard = null;
        payment.pendingSaveCard = false;
        return true;
    }

    private void succeed(Payment payment) {
        Instant now = now();
        payment.status = PaymentStatus.SUCCESS;
        payment.stage = CheckoutStage.DONE;
        payment.paymentResult = AntomResult.SUCCESS;
        payment.paymentTime = now;
        if (payment.pendingSaveCard && payment.card != null) {
            payment.cardToken = ids.cardToken();
            savedCards.put(payment.cardToken, new SavedCard(payment.terms.clientId(), payment.card));
        }
        notifyPayment(payment);
        if (payment.terms.manualCapture()) {
            payment.authExpiryTime = now.plus(AUTHORIZATION_VALIDITY);
            scheduler.at(payment.authExpiryTime, () -> {
                synchronized (payment) {
                    settleDueTimers(payment);
                }
            });
        } else {
            Capture capture = new Capture("AUTO" + ids.next(now, "1180"), ids.next(now, "1180"),
                    payment.terms.amount(), true, now, null);
            payment.captures.add(capture);
            captureOwners.put(capture, payment);
            runCapture(payment, capture);
        }
    }

    void fail(Payment payment, AntomResult reason) {
        failQuietly(payment, reason);
        notifyPayment(payment);
    }

    private static void failQuietly(Payment payment, AntomResult reason) {
        payment.status = PaymentStatus.FAIL;
        payment.stage = CheckoutStage.DONE;
        payment.paymentResult = reason;
        payment.pendingCard = null;
    }

    /** Closes a payment the buyer did not pay in time; releases an authorization not captured in time. */
    void settleDueTimers(Payment payment) {
        expireIfDue(payment);
        Instant now = now();
        if (payment.status == PaymentStatus.SUCCESS && payment.terms.manualCapture() && payment.activeCapture() == null
                && !now.isBefore(payment.authExpiryTime)) {
            payment.status = PaymentStatus.CANCELLED;
            payment.cancelTime = payment.authExpiryTime;
            payment.paymentResult = AntomResult.failure("AUTHORIZATION_EXPIRED",
                    "The authorization was not captured within 7 days and has been released.");
        }
    }

    private void expireIfDue(Payment payment) {
        if (payment.status == PaymentStatus.PROCESSING
                && (payment.stage == CheckoutStage.AWAITING_BUYER || payment.stage == CheckoutStage.AWAITING_CHALLENGE)
                && !now().isBefore(payment.terms.expiresAt())) {
            fail(payment, payment.lastDecline != null ? payment.lastDecline
                    : AntomResult.failure("ORDER_IS_CLOSED", "The payment expired before the buyer paid; the order is closed."));
        }
    }

    static String describe(Payment payment) {
        return payment.status == PaymentStatus.PROCESSING ? payment.stage.name() : payment.status + " " + payment.paymentResult.resultCode();
    }

    // ---------------------------------------------------------------- capture

    /** Captures a manual-capture authorization in full, once, within its window. */
    public Capture capture(String clientId, String captureRequestId, String paymentId, Money amount, JsonNode canonicalRequest) {
        String key = clientId + '\u0000' + captureRequestId;
        Capture existing = capturesByRequest.get(key);
        if (existing != null) {
            return replayCapture(existing, canonicalRequest);
        }
        Payment payment = requirePayment(clientId, paymentId, null);
        synchronized (payment) {
            existing = capturesByRequest.get(key);
            if (existing != null) {
                return replayCapture(existing, canonicalRequest);
            }
            settleDueTimers(payment);
            if (payment.status == PaymentStatus.CANCELLED) {
                throw payment.paymentResult.resultCode().equals("AUTHORIZATION_EXPIRED")
                        ? ApiFailure.of("ORDER_IS_CLOSED", "The authorization expired on its authExpiryTime and was released.")
                        : ApiFailure.of("ORDER_IS_CANCELED", "The order is cancelled.");
            }
            if (payment.status == PaymentStatus.FAIL) {
                throw ApiFailure.of("ORDER_IS_CLOSED", "The payment failed; there is nothing to capture.");
            }
            if (payment.status != PaymentStatus.SUCCESS) {
                throw ApiFailure.of("ORDER_STATUS_INVALID", "The payment is not authorized yet.");
            }
            if (!payment.terms.manualCapture()) {
                throw ApiFailure.of("ORDER_STATUS_INVALID", "The payment uses automatic capture; Antom captures it.");
            }
            if (payment.activeCapture() != null) {
                throw ApiFailure.of("MULTI_CAPTURE_NOT_SUPPORTED", "The payment has already been captured; only one capture is allowed.");
            }
            Money authorized = payment.terms.amount();
            if (!authorized.currency().equals(amount.currency())) {
                throw ApiFailure.of("CURRENCY_NOT_SUPPORT", "captureAmount.currency must be the payment currency " + authorized.currency() + ".");
            }
            if (amount.value() > authorized.value()) {
                throw ApiFailure.of("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT", "The capture amount exceeds the authorized amount.");
            }
            if (amount.value() < authorized.value()) {
                throw ApiFailure.paramIllegal("captureAmount.value must equal the authorized amount "
                        + authorized.value() + " (full capture only).");
            }
            Instant now = now();
            Capture capture = new Capture(captureRequestId, ids.next(now, "1180"), amount, false, now, canonicalRequest);
            payment.captures.add(capture);
            capturesByRequest.put(key, capture);
            captureOwners.put(capture, payment);
            runCapture(payment, capture);
            return capture;
        }
    }

    /** The payment a capture belongs to. */
    public Payment paymentOf(Capture capture) {
        return captureOwners.get(capture);
    }

    private Capture replayCapture(Capture capture, JsonNode canonicalRequest) {
        if (!capture.request.equals(canonicalRequest)) {
            throw ApiFailure.of("REPEAT_REQ_INCONSISTENT", "The captureRequestId was used before with different request parameters.");
        }
        return capture;
    }

    private void runCapture(Payment payment, Capture capture) {
        CardBehaviour behaviour = payment.card == null ? CardBehaviour.APPROVE : payment.card.behaviour();
        if (behaviour == CardBehaviour.CAPTURE_PROCESSING || behaviour == CardBehaviour.CAPTURE_FAILS) {
            scheduler.at(now().plus(ISSUER_DELAY), () -> {
                synchronized (payment) {
                    if (behaviour == CardBehaviour.CAPTURE_PROCESSING) {
                        finishCapture(payment, capture, PaymentStatus.SUCCESS, AntomResult.SUCCESS);
                    } else {
                        finishCapture(payment, capture, PaymentStatus.FAIL,
                                AntomResult.failure("PROCESS_FAIL", "General business failure. No retry."));
                    }
                }
            });
            return;
        }
        finishCapture(payment, capture, PaymentStatus.SUCCESS, AntomResult.SUCCESS);
    }

    private void finishCapture(Payment payment, Capture capture, PaymentStatus status, AntomResult result) {
        capture.status = status;
        capture.result = result;
        capture.captureTime = now();
        notifyUrl(payment.terms.notifyUrl()).ifPresent(url -> payment.deliveries.add(
                notifier.send("CAPTURE_RESULT", url, PaymentJson.captureNotification(payment, capture))));
    }

    // ---------------------------------------------------------------- cancel

    /** Cancels a payment not yet paid, or voids an authorization not yet captured. No notification. */
    public Payment cancel(String clientId, String paymentId, String paymentRequestId) {
        Payment payment = requirePayment(clientId, paymentId, paymentRequestId);
        synchronized (payment) {
            settleDueTimers(payment);
            switch (payment.status) {
                case CANCELLED -> {
                    return payment;
                }
                case FAIL -> throw ApiFailure.of("ORDER_IS_CLOSED", "The order is closed.");
                case SUCCESS -> {
                    if (!payment.refunds.isEmpty()) {
                        throw ApiFailure.of("ORDER_STATUS_INVALID", "The payment has been refunded and cannot be cancelled.");
                    }
                    Capture capture = payment.activeCapture();
                    if (capture != null && capture.status == PaymentStatus.SUCCESS) {
                        throw ApiFailure.of("CANCEL_WINDOW_EXCEED", "The payment has been captured; refund it instead.");
                    }
                    if (capture != null) {
                        throw ApiFailure.of("ORDER_STATUS_INVALID", "A capture of this payment is in process.");
                    }
                }
                case PROCESSING -> { }
            }
            payment.status = PaymentStatus.CANCELLED;
            payment.stage = CheckoutStage.DONE;
            payment.pendingCard = null;
            payment.cancelTime = now();
            payment.paymentResult = AntomResult.failure("ORDER_IS_CANCELED", "The order is cancelled.");
            return payment;
        }
    }

    // ---------------------------------------------------------------- refund

    /** Refunds part or all of what is captured and not yet refunded; several refunds are allowed. */
    public Refund refund(String clientId, String refundRequestId, String paymentId, Money amount, JsonNode canonicalRequest,
                         String refundNotifyUrl, boolean asynchronous) {
        String key = clientId + '\u0000' + refundRequestId;
        Refund existing = refundsByRequest.get(key);
        if (existing != null) {
            return replayRefund(existing, canonicalRequest);
        }
        Payment payment = requirePayment(clientId, paymentId, null);
        synchronized (payment) {
            existing = refundsByRequest.get(key);
            if (existing != null) {
                return replayRefund(existing, canonicalRequest);
            }
            if (payment.status != PaymentStatus.SUCCESS || !payment.captured()) {
                throw ApiFailure.of("ORDER_STATUS_INVALID", "Only a captured payment can be refunded.");
            }
            if (!payment.terms.amount().currency().equals(amount.currency())) {
                throw ApiFailure.of("CURRENCY_NOT_SUPPORT", "refundAmount.currency must be the payment currency "
                        + payment.terms.amount().currency() + ".");
            }
            Instant now = now();
            if (!now.isBefore(payment.paymentTime.plus(REFUND_WINDOW))) {
                throw ApiFailure.of("REFUND_WINDOW_EXCEED", "The refund window of the payment has passed.");
            }
            long refundable = payment.activeCapture().amount.value() - payment.refundedOrRefunding();
            if (amount.value() > refundable) {
                throw ApiFailure.of("REFUND_AMOUNT_EXCEED", "The refund amount exceeds the refundable amount " + refundable + ".");
            }
            Refund refund = new Refund(refundRequestId, ids.next(now, "1190"), payment, amount, now, canonicalRequest,
                    refundNotifyUrl);
            payment.refunds.add(refund);
            refundsByRequest.put(key, refund);
            refundsById.put(refund.refundId, refund);
            if (asynchronous) {
                scheduler.at(now.plus(ISSUER_DELAY), () -> {
                    synchronized (payment) {
                        finishRefund(payment, refund);
                    }
                });
            } else {
                finishRefund(payment, refund);
            }
            return refund;
        }
    }

    private Refund replayRefund(Refund refund, JsonNode canonicalRequest) {
        if (!refund.request.equals(canonicalRequest)) {
            throw ApiFailure.of("REPEAT_REQ_INCONSISTENT", "The refundRequestId was used before with different request parameters.");
        }
        return refund;
    }

    private void finishRefund(Payment payment, Refund refund) {
        refund.status = PaymentStatus.SUCCESS;
        refund.result = AntomResult.SUCCESS;
        refund.refundTime = now();
        // a refund without refundNotifyUrl is notified at the Dashboard's URL, never at the payment's
        Optional<String> url = Optional.ofNullable(refund.notifyUrl != null ? refund.notifyUrl : defaultNotifyUrl);
        url.ifPresent(target -> payment.deliveries.add(
                notifier.send("REFUND_RESULT", target, PaymentJson.refundNotification(refund))));
    }

    // ---------------------------------------------------------------- notifications

    private void notifyPayment(Payment payment) {
        notifyUrl(payment.terms.notifyUrl()).ifPresent(url -> payment.deliveries.add(
                notifier.send("PAYMENT_RESULT", url, PaymentJson.paymentNotification(payment))));
    }

    private Optional<String> notifyUrl(String requested) {
        return Optional.ofNullable(requested != null ? requested : defaultNotifyUrl);
    }
}
