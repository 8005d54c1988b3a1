package org.payengine.domain;

/**
 * A value was refused at the edge of the domain: it names the field (or value type) and the reason,
 * so an adapter can turn it into a precise error for whoever sent it.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidValueException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field or value type that was refused, e.g. {@code referenceOrderId} or {@code Money}. */
    public String field() {
        return field;
    }

    /** Why it was refused, in words a caller can act on. */
    public String reason() {
        return reason;
    }
}
