package org.payengine.simulator.wire;

/**
 * A call Antom refuses with a definite result ({@code F}, or {@code U} for a few codes):
 * bad input, an unknown order, a state that forbids the operation. Carries the result Antom
 * answers with; thrown by request parsing and business rules, turned into a signed answer at
 * the HTTP edge.
 */
public final class ApiFailure extends RuntimeException {

    private final AntomResult result;

    public ApiFailure(AntomResult result) {
        super(result.resultCode() + ": " + result.resultMessage(), null, false, false);
        this.result = result;
    }

    public static ApiFailure of(String code, String message) {
        return new ApiFailure(AntomResult.failure(code, message));
    }

    public static ApiFailure paramIllegal(String message) {
        return of("PARAM_ILLEGAL", message);
    }

    public AntomResult result() {
        return result;
    }
}
