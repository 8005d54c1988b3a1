package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.payengine.adapters.antom.AntomJson.Envelope;
import org.payengine.adapters.antom.AntomJson.FieldException;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;

/**
 * The facts in the body of a verified notification ({@code notifyPayment}, {@code notifyCapture},
 * {@code notifyRefund}), with the key that recognises Antom's resends of it.
 */
final class NotificationFacts {

    /** The notification types this engine handles. */
    enum NotifyType {
        PAYMENT_RESULT, PAYMENT_PENDING, CAPTURE_RESULT, REFUND_RESULT;

        static NotifyType of(String value) {
            for (NotifyType type : values()) {
                if (type.name().equals(value)) {
                    return type;
                }
            }
            return null;
        }
    }

    /** What one notification says. */
    record Decoded(List<Fact> facts, String dedupKey) {
    }

    private static final int MAX_KEY_LENGTH = 256;

    private NotificationFacts() {
    }

    static Decoded decode(NotifyType type, JSONObject body) throws FieldException {
        Envelope result = AntomJson.result(body, "result");
        switch (type) {
            case PAYMENT_RESULT:
                return payment(body, result, false);
            case PAYMENT_PENDING:
                return payment(body, result, true);
            case CAPTURE_RESULT:
                return capture(body, result);
            default:
                return refund(body, result);
        }
    }

    /**
     * {@code PAYMENT_RESULT}: S succeeded, F failed (the code says why), U still in process.
     * {@code PAYMENT_PENDING}: the buyer finished, the result is to come — whatever its status says.
     */
    private static Decoded payment(JSONObject body, Envelope result, boolean pending) throws FieldException {
        PaymentRequestId requestId = AntomJson.id(body, "paymentRequestId", PaymentRequestId::of);
        Fact fact;
        if (!pending && result.is("S")) {
            fact = new PaymentSucceeded(requestId, AntomJson.id(body, "paymentId", PaymentId::of),
                    AntomJson.money(body, "paymentAmount"), AntomJson.time(body, "paymentTime"),
                    AntomJson.time(body, "authExpiryTime"),
                    CardFactsReader.read(AntomJson.objectOrNull(body, "paymentResultInfo"), null));
        } else if (!pending && result.is("F")) {
            fact = new PaymentFailed(requestId, AntomJson.optionalId(body, "paymentId", PaymentId::of),
                    result.resultCode(), result.message());
        } else {
            fact = new PaymentInProcess(requestId, AntomJson.optionalId(body, "paymentId", PaymentId::of), null);
        }
        String type = pending ? "PAYMENT_PENDING" : "PAYMENT_RESULT";
        return new Decoded(List.of(fact), key(type, requestId, body.getString("paymentId"), result));
    }

    private static Decoded capture(JSONObject body, Envelope result) throws FieldException {
        PaymentId paymentId = AntomJson.id(body, "paymentId", PaymentId::of);
        CaptureRequestId requestId = AntomJson.optionalId(body, "captureRequestId", CaptureRequestId::of);
        Fact fact;
        if (result.is("S")) {
            fact = new CaptureSucceeded(paymentId, requestId, AntomJson.id(body, "captureId", CaptureId::of),
                    AntomJson.money(body, "captureAmount"), AntomJson.time(body, "captureTime"));
        } else if (result.is("F")) {
            fact = new CaptureFailed(paymentId, requestId, result.resultCode(), result.message());
        } else {
            fact = new CaptureProcessing(paymentId, requestId);
        }
        return new Decoded(List.of(fact),
                key("CAPTURE_RESULT", paymentId, body.getString("captureRequestId") + ":" + body.getString("captureId"), result));
    }

    /** {@code refundStatus} (SUCCESS / FAIL / PROCESSING) wins over the envelope when present. */
    private static Decoded refund(JSONObject body, Envelope result) throws FieldException {
        RefundRequestId requestId = AntomJson.id(body, "refundRequestId", RefundRequestId::of);
        String status = AntomJson.optional(body, "refundStatus");
        boolean succeeded = status == null ? result.is("S") : status.equals("SUCCESS");
        boolean failed = status == null ? result.is("F") : status.equals("FAIL");
        Fact fact;
        if (succeeded) {
            fact = new RefundSucceeded(requestId, AntomJson.id(body, "refundId", RefundId::of),
                    AntomJson.money(body, "refundAmount"), AntomJson.time(body, "refundTime"));
        } else if (failed) {
            fact = new RefundFailed(requestId, result.is("F") ? result.resultCode()
                    : ResultCode.of(status), result.message());
        } else {
            fact = new RefundProcessing(requestId, AntomJson.optionalId(body, "refundId", RefundId::of));
        }
        return new Decoded(List.of(fact),
                key("REFUND_RESULT", requestId, body.getString("refundId") + ":" + status, result));
    }

    /** Antom resends the same notification unchanged: type, ids and result identify it. */
    private static String key(String type, Object id, String more, Envelope result) {
        String key = type + ":" + id + ":" + more + ":" + result.status() + ":" + result.code();
        return key.length() <= MAX_KEY_LENGTH ? key : type + ":sha256:" + sha256(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
