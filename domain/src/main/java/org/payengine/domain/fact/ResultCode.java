package org.payengine.domain.fact;

import org.payengine.domain.Text;

/**
 * Antom's {@code resultCode} (or {@code paymentResultCode}) explaining a definite outcome, e.g.
 * {@code DO_NOT_HONOR}, {@code CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT}. Kept verbatim.
 */
public record ResultCode(String value) {

    public ResultCode {
        value = Text.required("resultCode", value, 64);
    }

    public static ResultCode of(String value) {
        return new ResultCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
