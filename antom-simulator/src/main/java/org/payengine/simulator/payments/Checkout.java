package org.payengine.simulator.payments;

import org.payengine.simulator.wire.AntomResult;

/**
 * The buyer on the hosted page: card form (or saved card, or Korean card company), then a 3DS
 * challenge or Korean issuer authentication when one applies. Validates what the buyer typed —
 * Antom's invalid-data test values decline the card, typos are refused so the buyer can correct
 * them — and hands the card to the {@link Acquirer}, which plays the issuer.
 */
public final class Checkout {

    private final Acquirer acquirer;

    public Checkout(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    /** What the hosted page shows next: the challenge, the way back to the merchant, or the form again after a decline. */
    public enum Step { CHALLENGE, FINISHED, DECLINED }

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
                card = readCard(entry);
                AntomResult invalid = invalidTestData(entry);
                if (invalid != null) {
                    payment.card = card;
                    return acquirer.decline(payment, invalid) ? Step.DECLINED : Step.FINISHED;
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
            return acquirer.authorize(payment, card, frictionless, payment.pendingSaveCard) ? Step.DECLINED : Step.FINISHED;
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
                return acquirer.decline(payment, AntomResult.failure("USER_PAYMENT_VERIFICATION_FAILED",
                        "The user failed the payment verification (3D Secure challenge).")) ? Step.DECLINED : Step.FINISHED;
            }
            ThreeDSOutcome threeDS = payment.terms.issuerAuthentication() ? null
                    : ThreeDSOutcome.authenticated(card.brand(), true);
            return acquirer.authorize(payment, card, threeDS, payment.pendingSaveCard) ? Step.DECLINED : Step.FINISHED;
        }
    }

    /** The control API's "the buyer pays with this card": the form, then any challenge, passed. */
    public Step complete(String paymentId, CardEntry entry) {
        Step step = submitCard(paymentId, entry);
        return step == Step.CHALLENGE ? answerChallenge(paymentId, TestCards.CHALLENGE_CODE) : step;
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

    /** Validates the form: typos are refused (the buyer corrects them); Antom's invalid-data test values pass here. */
    private static CardDetails readCard(CardEntry entry) {
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
        return CardDetails.of(card, month.length() == 1 ? "0" + month : month,
                year.length() == 4 ? year.substring(2) : year, entry.holderName());
    }

    /** Antom's sandbox values for invalid card data (expiry month 13, a two-digit CVC) decline the card; else null. */
    private static AntomResult invalidTestData(CardEntry entry) {
        int month = Integer.parseInt(entry.expiryMonth().trim());
        if (month < 1 || month > 12) {
            return AntomResult.failure("INVALID_EXPIRATION_DATE", "invalid_expiry_month: the expiry month is invalid.");
        }
        if (entry.cvv().trim().length() == 2) {
            return AntomResult.failure("INVALID_CVV", "invalid_cvc: the card security code is invalid.");
        }
        return null;
    }
}
