package org.payengine.domain.reconciliation;

import java.util.Objects;

/**
 * Which of the engine's transactions a report row stands for: a payment, its capture or its cancel (each named by the
 * payment request id), or a refund (named by its refund request id).
 */
public record EngineSubject(EngineTransaction.Kind kind, String id) {

    public EngineSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The text form {@code PAYMENT:<payment request id>}, {@code REFUND:<refund request id>}, … */
    public String key() {
        return kind + ":" + id;
    }

    /** Reads {@link #key()}. */
    public static EngineSubject parse(String key) {
        int colon = key.indexOf(':');
        return new EngineSubject(EngineTransaction.Kind.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }

    @Override
    public String toString() {
        return key();
    }
}
