package org.payengine.simulator.payments;

import org.payengine.simulator.wire.AntomResult;

/**
 * The buyer on the hosted page: card form (or saved card, or Korean card company), then a 3DS
 * challenge or Korean issuer authentication when one applies. Validates what the buyer typed —
 * Antom's invalid-data test values fail the payment, typos are refused so the buyer can retry —
 * and hands the card to the {@link Acquirer}, which plays the issuer.
 */
public final class Checkout {

    private final Acquirer acquirer;

    public Checkout(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    /** What the hosted page shows next. */
    public enum Step { CHALLENGE, FINISHED }

    /** The buyer submits the card form (or the saved card, or a Korean card company). */
    public Step submitCard(String paymentId, CardEntry entry) {
        Payment payment = payableOrRefuse(paymentId);
        synchronized (payment) {
            requireStage(payment, CheckoutStage.AWAITING_BUYER, "This payment can no longer be paid");
            Payment.Terms terms = payment.terms;
            CardDetails card;
            boolean challenge;
            ThreeDSOutcome frictionless = null;
            if (terms.issuerAuthentication()) {
                String brand = entry.selectedCardBrand() != null ? entry.selectedCardBrand() : terms.selectedCardBrand();
                if (brand == null || !KoreanCardBrands.ALL.contains(brand)) {
                    throw new CheckoutRefused("Choose your card company.", false);
                }
                card = KoreanCardBrands.issuerAuthenticated(brand);
                challenge = true;
            } else if (!"CARD".equals(terms.paymentMethodType())) {
                card = null;
                challenge = false;
            } else if (entry.useSavedCard() && terms.savedCardToken() != null) {
                card = acquirer.savedCard(payment).orElseThrow();
                challenge = needsChallenge(card, terms);
            } else {
                card = readCard(payment, entry);
                if (card == null) {
                    return Step.FINISHED;
                }
                challenge = needsChallenge(card, terms);
                if (card.threeDS() == ThreeDSBehaviour.FRICTIONLESS) {
                    frictionless = ThreeDSOutcome.authenticated(card.brand(), false);
                }
            }
            payment.pendingSaveCard = entry.saveCard() && card != null && !entry.useSavedCard();
            if (challenge) {
                payment.pendingCard = card;
                payment.stage = CheckoutStage.AWAITING_CHALLENGE;
                return Step.CHALLENGE;
            }
            acquirer.authorize(payment, card, frictionless, payment.pendingSaveCard);
            return Step.FINISHED;
        }
    }

    /** The buyer answers the 3DS challenge (or the Korean issuer authentication). */
    public Step answerChallenge(String paymentId, String code) {
        Payment payment = payableOrRefuse(paymentId);
        synchronized (payment) {
            requireStage(payment, CheckoutStage.AWAITING_CHALLENGE, "There is no challenge waiting for this payment");
            CardDetails card = payment.pendingCard;
            payment.pendingCard = null;
            if (card.threeDS() == ThreeDSBehaviour.CHALLENGE_FAILS || !TestCards.CHALLENGE_CODE.equals(code)) {
                payment.card = card;
                acquirer.fail(payment, AntomResult.failure("USER_PAYMENT_VERIFICATION_FAILED",
                        "The user failed the payment verification (3D Secure challenge)."));
                return Step.FINISHED;
            }
            ThreeDSOutcome threeDS = payment.terms.issuerAuthentication() ? null
                    : ThreeDSOutcome.authenticated(card.brand(), true);
            acquirer.authorize(payment, card, threeDS, payment.pendingSaveCard);
            return Step.FINISHED;
        }
    }

    /** The control API's "the buyer pays with this card": the form, then any challenge, passed. */
    public void complete(String paymentId, CardEntry entry) {
        if (submitCard(paymentId, entry) == Step.CHALLENGE) {
            answerChallenge(paymentId, TestCards.CHALLENGE_CODE);
        }
    }

    private Payment payableOrRefuse(String paymentId) {
        Payment payment = acquirer.stored(paymentId);
        if (payment == null) {
            throw new CheckoutRefused("There is no payment " + paymentId + ".", true);
        }
        return payment;
    }

    /** Brings expiry up to date, then refuses unless the payment waits for the buyer at {@code stage}. Holds the monitor. */
    private void requireStage(Payment payment, CheckoutStage stage, String refusal) {
        acquirer.settleDueTimers(payment);
        if (payment.status != PaymentStatus.PROCESSING || payment.stage != stage) {
            throw new CheckoutRefused(refusal + " (" + Acquirer.describe(payment) + ").", true);
        }
    }

    private static boolean needsChallenge(CardDetails card, Payment.Terms terms) {
        return switch (card.threeDS()) {
            case ALWAYS_CHALLENGE, CHALLENGE_FAILS -> true;
            case FRICTIONLESS -> false;
            case AS_REQUESTED -> terms.threeDSRequested();
        };
    }

    /** Validates the form; Antom's invalid-data test values fail the payment, typos are refused. */
    private CardDetails readCard(Payment payment, CardEntry entry) {
        String number = entry.cardNumber() == null ? "" : entry.cardNumber().replaceAll("[\\s-]", "");
        if (number.isEmpty()) {
            throw new CheckoutRefused("Enter the card number.", false);
        }
        TestCard card = TestCards.resolve(number)
                .orElseThrow(() -> new CheckoutRefused("The card number is not valid.", false));
        String month = entry.expiryMonth() == null ? "" : entry.expiryMonth().trim();
        String year = entry.expiryYear() == null ? "" : entry.expiryYear().trim();
        String cvv = entry.cvv() == null ? "" : entry.cvv().trim();
        if (!month.matches("[0-9]{1,2}") || !year.matches("[0-9]{2}|[0-9]{4}")) {
            throw new CheckoutRefused("Enter the expiry month and year as digits.", false);
        }
        if (!cvv.matches("[0-9]{2,4}")) {
            throw new CheckoutRefused("Enter the card security code (CVV).", false);
        }
        CardDetails details = CardDetails.of(card, month.length() == 1 ? "0" + month : month,
                year.length() == 4 ? year.substring(2) : year, entry.holderName());
        int monthValue = Integer.parseInt(month);
        if (monthValue < 1 || monthValue > 12) {
            payment.card = details;
            acquirer.fail(payment, AntomResult.failure("INVALID_EXPIRATION_DATE", "invalid_expiry_month: the expiry month is invalid."));
            return null;
        }
        if (cvv.length() == 2) {
            payment.card = details;
            acquirer.fail(payment, AntomResult.failure("INVALID_CVV", "invalid_cvc: the card security code is invalid."));
            return null;
        }
        return details;
    }
}
