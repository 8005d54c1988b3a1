package org.payengine.simulator.payments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.payengine.simulator.notify.Delivery;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.Money;

/**
 * One payment as Antom holds it. Mutable; every read and write happens while holding the
 * payment's monitor ({@code synchronized (payment)}), which {@link Acquirer} and the renderers do.
 */
public final class Payment {

    /** What the merchant asked for in {@code pay}. */
    public record Terms(String clientId, String paymentRequestId, String referenceOrderId, Money amount,
                        String paymentMethodType, boolean manualCapture, String redirectUrl, String notifyUrl,
                        Instant expiresAt, boolean threeDSRequested, boolean issuerAuthentication,
                        String selectedCardBrand, String savedCardToken, boolean merchantInitiated) {
    }

    final String paymentId;
    final Terms terms;
    final Instant createdAt;
    final String checkoutUrl;
    /** The pay request as first received (canonical form), for idempotency. */
    final JsonNode request;

    PaymentStatus status = PaymentStatus.PROCESSING;
    CheckoutStage stage = CheckoutStage.AWAITING_BUYER;
    AntomResult paymentResult = AntomResult.PAYMENT_IN_PROCESS;
    /** The latest decline on the hosted page while the buyer may still try another card; the result at expiry. */
    AntomResult lastDecline;
    /** The answer to the first pay call when it was final (S or F); idempotent replays return it. */
    AntomResult finalPayAnswer;
    Instant paymentTime;
    Instant authExpiryTime;
    Instant cancelTime;
    CardDetails card;
    String cardToken;
    ThreeDSOutcome threeDS;
    String avsResultRaw;
    String cvvResultRaw;
    String networkTransactionId;
    /** Card details waiting for the challenge step, and whether the buyer asked to save the card. */
    CardDetails pendingCard;
    boolean pendingSaveCard;
    final List<Capture> captures = new ArrayList<>();
    final List<Refund> refunds = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();

    Payment(String paymentId, Terms terms, Instant createdAt, String checkoutUrl, JsonNode request) {
        this.paymentId = paymentId;
        this.terms = terms;
        this.createdAt = createdAt;
        this.checkoutUrl = checkoutUrl;
        this.request = request;
    }

    public String paymentId() {
        return paymentId;
    }

    public Terms terms() {
        return terms;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String checkoutUrl() {
        return checkoutUrl;
    }

    public PaymentStatus status() {
        return status;
    }

    public CheckoutStage stage() {
        return stage;
    }

    public AntomResult paymentResult() {
        return paymentResult;
    }

    public AntomResult lastDecline() {
        return lastDecline;
    }

    public Instant paymentTime() {
        return paymentTime;
    }

    public Instant authExpiryTime() {
        return authExpiryTime;
    }

    public Instant cancelTime() {
        return cancelTime;
    }

    public CardDetails card() {
        return card;
    }

    public CardDetails pendingCard() {
        return pendingCard;
    }

    public String cardToken() {
        return cardToken;
    }

    public ThreeDSOutcome threeDS() {
        return threeDS;
    }

    public String avsResultRaw() {
        return avsResultRaw;
    }

    public String cvvResultRaw() {
        return cvvResultRaw;
    }

    public String networkTransactionId() {
        return networkTransactionId;
    }

    public List<Capture> captures() {
        return List.copyOf(captures);
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The successful (or still processing) capture, if any. */
    Capture activeCapture() {
        for (Capture capture : captures) {
            if (capture.status != PaymentStatus.FAIL) {
                return capture;
            }
        }
        return null;
    }

    boolean captured() {
        Capture capture = activeCapture();
        return capture != null && capture.status == PaymentStatus.SUCCESS;
    }

    long refundedOrRefunding() {
        return refunds.stream().filter(r -> r.status != PaymentStatus.FAIL).mapToLong(r -> r.amount.value()).sum();
    }
}
