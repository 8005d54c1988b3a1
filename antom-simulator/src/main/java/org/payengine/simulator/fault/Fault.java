package org.payengine.simulator.fault;

import java.util.Set;

/**
 * One armed fault: a kind, how many events it still hits, and its options.
 *
 * @param kind         what goes wrong
 * @param count        how many matching events it hits (at least 1)
 * @param api          for API faults, the API it is limited to ({@code pay}, {@code inquiryPayment},
 *                     {@code capture}, {@code cancel}, {@code refund}, {@code inquiryRefund},
 *                     {@code consult}); null for any
 * @param notifyType   for notification faults, the type it is limited to ({@code PAYMENT_RESULT},
 *                     {@code CAPTURE_RESULT}, {@code REFUND_RESULT}); null for any
 * @param httpStatus   for {@code HTTP_5XX}: the status (500 to 599; default 500)
 * @param hangSeconds  for {@code HANG}: real seconds to hold the answer (default 20)
 * @param delaySeconds for {@code DELAY_NOTIFICATION} / {@code REORDER_NOTIFICATION}: simulated
 *                     seconds (default 60)
 * @param process      for API faults: whether the call still takes effect (defaults: false for
 *                     {@code HTTP_5XX}, true otherwise)
 */
public record Fault(FaultKind kind, int count, String api, String notifyType, Integer httpStatus,
                    Double hangSeconds, Long delaySeconds, Boolean process) {

    public static final Set<String> APIS =
            Set.of("pay", "inquiryPayment", "capture", "cancel", "refund", "inquiryRefund", "consult");
    public static final Set<String> NOTIFY_TYPES = Set.of("PAYMENT_RESULT", "CAPTURE_RESULT", "REFUND_RESULT");

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("fault is required: one of " + java.util.Arrays.toString(FaultKind.values()));
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (api != null && !APIS.contains(api)) {
            throw new IllegalArgumentException("api must be one of " + APIS.stream().sorted().toList() + ", was " + api);
        }
        if (notifyType != null && !NOTIFY_TYPES.contains(notifyType)) {
            throw new IllegalArgumentException("notifyType must be one of " + NOTIFY_TYPES.stream().sorted().toList()
                    + ", was " + notifyType);
        }
        if (api != null && !kind.isApiFault()) {
            throw new IllegalArgumentException("api applies to API faults only, not " + kind);
        }
        if (notifyType != null && kind.isApiFault()) {
            throw new IllegalArgumentException("notifyType applies to notification faults only, not " + kind);
        }
        if (httpStatus != null && (httpStatus < 500 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be between 500 and 599, was " + httpStatus);
        }
        if (hangSeconds != null && (hangSeconds < 0 || hangSeconds > 600)) {
            throw new IllegalArgumentException("hangSeconds must be between 0 and 600, was " + hangSeconds);
        }
        if (delaySeconds != null && delaySeconds < 0) {
            throw new IllegalArgumentException("delaySeconds must not be negative, was " + delaySeconds);
        }
    }

    /** A fault of this kind for the next {@code count} events, with default options. */
    public static Fault of(FaultKind kind, int count) {
        return new Fault(kind, count, null, null, null, null, null, null);
    }

    public Fault forApi(String apiName) {
        return new Fault(kind, count, apiName, notifyType, httpStatus, hangSeconds, delaySeconds, process);
    }

    public Fault forNotifyType(String type) {
        return new Fault(kind, count, api, type, httpStatus, hangSeconds, delaySeconds, process);
    }

    public Fault withHttpStatus(int status) {
        return new Fault(kind, count, api, notifyType, status, hangSeconds, delaySeconds, process);
    }

    public Fault withHangSeconds(double seconds) {
        return new Fault(kind, count, api, notifyType, httpStatus, seconds, delaySeconds, process);
    }

    public Fault withDelaySeconds(long seconds) {
        return new Fault(kind, count, api, notifyType, httpStatus, hangSeconds, seconds, process);
    }

    public Fault withProcess(boolean takesEffect) {
        return new Fault(kind, count, api, notifyType, httpStatus, hangSeconds, delaySeconds, takesEffect);
    }

    public int effectiveHttpStatus() {
        return httpStatus == null ? 500 : httpStatus;
    }

    public double effectiveHangSeconds() {
        return hangSeconds == null ? 20 : hangSeconds;
    }

    public long effectiveDelaySeconds() {
        return delaySeconds == null ? 60 : delaySeconds;
    }

    public boolean takesEffect() {
        return process == null ? kind.processedByDefault() : process;
    }

    Fault withCount(int remaining) {
        return new Fault(kind, remaining, api, notifyType, httpStatus, hangSeconds, delaySeconds, process);
    }
}
