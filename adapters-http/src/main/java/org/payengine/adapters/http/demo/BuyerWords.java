package org.payengine.adapters.http.demo;

import java.util.Map;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.OrderStatus;
import org.payengine.domain.order.PaymentAttempt;

/**
 * What the result page tells a buyer, in a buyer's words: no result codes, no ids, and after a decline what the buyer
 * can do about it (Antom's result codes of its pay API, read from the attempt's failure).
 *
 * @param headline one short sentence: how the payment stands
 * @param advice   what happens next, or what the buyer can do
 */
record BuyerWords(String headline, String advice) {

    /** Antom's decline codes, by what the buyer can do about them. */
    private static final Map<String, String> DECLINE_ADVICE = Map.ofEntries(
            Map.entry("DO_NOT_HONOR", "Your bank declined this payment. Try another card, or ask your bank why."),
            Map.entry("USER_BALANCE_NOT_ENOUGH",
                    "The card does not have enough funds for this payment. Try another card."),
            Map.entry("CARD_EXPIRED", "The card has expired. Please pay with another card."),
            Map.entry("INVALID_EXPIRATION_DATE",
                    "The expiry date did not match the card. Check it and try again."),
            Map.entry("INVALID_CARD_NUMBER", "The card number was not recognised. Check it and try again."),
            Map.entry("CARD_NOT_SUPPORTED", "This card cannot be used here. Please pay with another card."),
            Map.entry("USER_PAYMENT_VERIFICATION_FAILED",
                    "Your bank could not confirm it was you. Try again and enter the code your bank sends you,"
                            + " or use another card."),
            Map.entry("VERIFY_UNMATCHED", "Your bank could not confirm it was you. Try again, or use another card."),
            Map.entry("VERIFY_TIMES_EXCEED_LIMIT",
                    "Too many attempts to confirm the payment with your bank. Please use another card."),
            Map.entry("USER_AMOUNT_EXCEED_LIMIT",
                    "This payment is over the card's limit. Try another card, or ask your bank to raise the limit."),
            Map.entry("PAYMENT_AMOUNT_EXCEED_LIMIT", "This payment is over the limit for this card. Try another card."),
            Map.entry("RISK_REJECT", "We could not accept this payment. Please try another card."),
            Map.entry("FRAUD_REJECT", "We could not accept this payment. Please try another card."),
            Map.entry("ORDER_IS_CLOSED", "The payment was not completed in time. You can try again."),
            Map.entry("ORDER_IS_CANCELED", "The payment was not completed. You can try again."));

    static BuyerWords of(OrderSnapshot order, Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> awaitingCapture(order)
                    ? new BuyerWords("Your payment is authorized. Thank you!",
                            "The amount is reserved on your card and charged when your order ships.")
                    : new BuyerWords("Payment received. Thank you!", "Your order is confirmed and on its way.");
            case PROCESSING -> new BuyerWords("We are confirming your payment…",
                    "This usually takes a few seconds, sometimes a minute. You can keep this page open: it updates"
                            + " by itself. Please do not pay again.");
            case CLOSED -> new BuyerWords("This order is closed.",
                    "Nothing more can be paid on it, and you have not been charged for it.");
            case REFUNDED -> new BuyerWords("This order was refunded.",
                    "The full amount goes back to your card; your bank may take a few days to show it.");
            case FAILED -> new BuyerWords("Your payment did not go through.", declineAdvice(Outcome.latestAttempt(order)));
        };
    }

    private static boolean awaitingCapture(OrderSnapshot order) {
        return order.status() == OrderStatus.AUTHORIZED
                && order.successful().map(PaymentAttempt::captureMode).orElse(null) == CaptureMode.MANUAL;
    }

    private static String declineAdvice(PaymentAttempt latest) {
        if (latest == null) {
            return "No payment was made for this order yet. You have not been charged.";
        }
        if (latest.failure() != null) {
            String advice = DECLINE_ADVICE.get(latest.failure().code().value());
            if (advice != null) {
                return advice + " You have not been charged.";
            }
        }
        if (latest.status() == AttemptStatus.CANCELLED) {
            return "The payment was not completed. You have not been charged; you can try again.";
        }
        return "You have not been charged. You can try again, or use another card.";
    }
}
