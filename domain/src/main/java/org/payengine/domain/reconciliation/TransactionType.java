package org.payengine.domain.reconciliation;

import java.util.Locale;

/**
 * Antom's {@code transactionType} (and the settlement summary's {@code summaryType}). Only some of them are
 * transactions the engine makes itself ({@link #isEngineMade()}); the others (disputes, reversals, fees, reserves)
 * are kept with their amounts but have nothing in the engine to match.
 */
public enum TransactionType {
    PAYMENT(true),
    AUTHORIZATION(true),
    CAPTURE(true),
    CANCEL(true),
    /** The older reports' name for voiding an authorization: a cancel. */
    VOID(true),
    REFUND(true),
    DISPUTE(false),
    DISPUTE_REVERSAL(false),
    REFUND_REVERSAL(false),
    PAYMENT_REVERSAL(false),
    RAPID_DISPUTE_RESOLUTION(false),
    CDRN(false),
    ADJUSTMENT_FEE(false),
    SETTLEMENT_FEE(false),
    COLLATERAL_WITHHELD(false),
    COLLATERAL_RELEASED(false),
    RESERVE(false),
    RESERVE_RELEASED(false),
    /** The settlement summary's line for the whole batch. */
    TOTAL(false),
    /** A type this engine does not know yet: kept, never matched. */
    OTHER(false);

    private final boolean engineMade;

    TransactionType(boolean engineMade) {
        this.engineMade = engineMade;
    }

    /** Whether the engine itself asks Antom for transactions of this type (so it must know each one). */
    public boolean isEngineMade() {
        return engineMade;
    }

    /** The type Antom names {@code text} (case and surrounding blanks aside), or {@link #OTHER}. */
    public static TransactionType named(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (TransactionType type : values()) {
            if (type != OTHER && type.name().equals(name)) {
                return type;
            }
        }
        return OTHER;
    }
}
