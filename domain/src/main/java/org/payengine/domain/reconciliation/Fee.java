package org.payengine.domain.reconciliation;

import java.util.Objects;

/**
 * One fee Antom charged on a transaction, as its report states it: a deduction is negative.
 *
 * @param name the report's name of the fee, e.g. {@code interchangeFee}, {@code schemeFee}, {@code processingFee}
 */
public record Fee(String name, SignedMoney amount) {

    public Fee {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
    }
}
