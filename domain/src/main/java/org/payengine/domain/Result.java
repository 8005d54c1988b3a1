package org.payengine.domain;

import java.util.Objects;
import java.util.function.Function;

/**
 * The answer of an operation that may be refused for a business reason: either the value, or the
 * {@link Rejection} explaining why not.
 *
 * @param <T> the value of an accepted operation
 */
public sealed interface Result<T> permits Result.Accepted, Result.Refused {

    static <T> Result<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Result<T> refused(Rejection rejection) {
        return new Refused<>(rejection);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The value; throws if this result is a refusal (callers check {@link #isAccepted()} first). */
    default T value() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.acceptedValue();
        }
        throw new IllegalStateException("Refused, there is no value: " + rejection().message());
    }

    /** The refusal; throws if this result was accepted. */
    default Rejection rejection() {
        if (this instanceof Refused<T> refused) {
            return refused.reason();
        }
        throw new IllegalStateException("Accepted, there is no rejection");
    }

    default <R> Result<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return new Accepted<>(mapper.apply(accepted.acceptedValue()));
        }
        return new Refused<>(rejection());
    }

    default <R> Result<R> flatMap(Function<? super T, Result<R>> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return mapper.apply(accepted.acceptedValue());
        }
        return new Refused<>(rejection());
    }

    record Accepted<T>(T acceptedValue) implements Result<T> {
    }

    record Refused<T>(Rejection reason) implements Result<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
