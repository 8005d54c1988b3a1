package org.payengine.simulator.payments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.AntomTime;
import org.payengine.simulator.wire.Json;
import org.payengine.simulator.wire.Money;

/**
 * Renders payments, captures and refunds into Antom's response and notification bodies, with
 * Antom's field names and formats (amount values as strings, ISO 8601 times with offset). Callers
 * hold the payment's monitor.
 */
public final class PaymentJson {

    private static final AntomResult INQUIRY_SUCCESS = new AntomResult("SUCCESS", "S", "Success");

    private PaymentJson() {
    }

    /** The answer to {@code pay}. */
    public static ObjectNode payResponse(Payment payment, AntomResult answer) {
        ObjectNode body = Json.object();
        body.set("result", answer.toJson());
        body.put("paymentRequestId", payment.terms.paymentRequestId());
        body.set("paymentAmount", payment.terms.amount().toJson());
        if ("F".equals(answer.resultStatus())) {
            return body;
        }
        body.put("paymentId", payment.paymentId);
        body.put("paymentCreateTime", AntomTime.format(payment.createdAt));
        if (payment.status == PaymentStatus.PROCESSING && payment.stage == CheckoutStage.AWAITING_BUYER) {
            body.put("normalUrl", payment.checkoutUrl);
            ObjectNode form = body.putObject("redirectActionForm");
            form.put("method", "GET");
            form.put("redirectUrl", payment.checkoutUrl);
            form.put("actionFormType", "RedirectActionForm");
        }
        if (payment.status == PaymentStatus.SUCCESS) {
            body.put("paymentTime", AntomTime.format(payment.paymentTime));
        }
        putIfPresent(body, "authExpiryTime", payment.authExpiryTime);
        if (payment.card != null && payment.status != PaymentStatus.PROCESSING) {
            body.set("paymentResultInfo", paymentResultInfo(payment));
        }
        return body;
    }

    /** The answer to {@code inquiryPayment}. */
    public static ObjectNode inquiryResponse(Payment payment) {
        ObjectNode body = Json.object();
        body.set("result", INQUIRY_SUCCESS.toJson());
        body.put("paymentStatus", payment.status.name());
        body.put("paymentResultCode", payment.paymentResult.resultCode());
        body.put("paymentResultMessage", payment.paymentResult.resultMessage());
        body.put("paymentRequestId", payment.terms.paymentRequestId());
        body.put("paymentId", payment.paymentId);
        body.set("paymentAmount", payment.terms.amount().toJson());
        body.put("paymentCreateTime", AntomTime.format(payment.createdAt));
        if (payment.status == PaymentStatus.SUCCESS) {
            body.put("paymentTime", AntomTime.format(payment.paymentTime));
        }
        putIfPresent(body, "authExpiryTime", payment.authExpiryTime);
        if (payment.card != null) {
            body.set("cardInfo", cardInfo(payment));
            body.set("paymentResultInfo", paymentResultInfo(payment));
        }
        ArrayNode transactions = transactions(payment);
        if (!transactions.isEmpty()) {
            body.set("transactions", transactions);
        }
        return body;
    }

    /** The answer to {@code capture} (and its idempotent replays). */
    public static ObjectNode captureResponse(Payment payment, Capture capture) {
        ObjectNode body = Json.object();
        body.set("result", capture.result.toJson());
        body.put("captureRequestId", capture.captureRequestId);
        body.put("paymentId", payment.paymentId);
        body.set("captureAmount", capture.amount.toJson());
        if (capture.status == PaymentStatus.SUCCESS) {
            body.put("captureId", capture.captureId);
            body.put("captureTime", AntomTime.format(capture.captureTime));
        }
        return body;
    }

    /** The answer to a successful {@code cancel}. */
    public static ObjectNode cancelResponse(Payment payment) {
        ObjectNode body = Json.object();
        body.set("result", AntomResult.SUCCESS.toJson());
        body.put("paymentId", payment.paymentId);
        body.put("paymentRequestId", payment.terms.paymentRequestId());
        body.put("cancelTime", AntomTime.format(payment.cancelTime));
        return body;
    }

    /** The answer to {@code refund} (and its idempotent replays). */
    public static ObjectNode refundResponse(Refund refund) {
        ObjectNode body = Json.object();
        body.set("result", refund.result.toJson());
        body.put("refundRequestId", refund.refundRequestId);
        body.put("paymentId", refund.payment.paymentId);
        body.set("refundAmount", refund.amount.toJson());
        if (refund.status == PaymentStatus.SUCCESS) {
            body.put("refundId", refund.refundId);
            body.put("refundTime", AntomTime.format(refund.refundTime));
        }
        return body;
    }

    /** The answer to {@code inquiryRefund}. */
    public static ObjectNode inquiryRefundResponse(Refund refund) {
        ObjectNode body = Json.object();
        body.set("result", AntomResult.SUCCESS.toJson());
        body.put("refundId", refund.refundId);
        body.put("refundRequestId", refund.refundRequestId);
        body.set("refundAmount", refund.amount.toJson());
        body.put("refundStatus", refund.status.name());
        putIfPresent(body, "refundTime", refund.refundTime);
        return body;
    }

    /** A {@code PAYMENT_RESULT} notification body. */
    static String paymentNotification(Payment payment) {
        ObjectNode body = Json.object();
        body.put("notifyType", "PAYMENT_RESULT");
        body.set("result", payment.paymentResult.toJson());
        body.put("paymentRequestId", payment.terms.paymentRequestId());
        body.put("paymentId", payment.paymentId);
        body.set("paymentAmount", payment.terms.amount().toJson());
        body.put("paymentCreateTime", AntomTime.format(payment.createdAt));
        if (payment.status == PaymentStatus.SUCCESS) {
            body.put("paymentTime", AntomTime.format(payment.paymentTime));
        }
        putIfPresent(body, "authExpiryTime", payment.authExpiryTime);
        if (payment.card != null) {
            body.set("paymentResultInfo", paymentResultInfo(payment));
        }
        return Json.write(body);
    }

    /** A {@code CAPTURE_RESULT} notification body. */
    static String captureNotification(Payment payment, Capture capture) {
        ObjectNode body = Json.object();
        body.put("notifyType", "CAPTURE_RESULT");
        body.set("result", capture.result.toJson());
        body.put("captureRequestId", capture.captureRequestId);
        body.put("paymentId", payment.paymentId);
        body.put("captureId", capture.captureId);
        body.set("captureAmount", capture.amount.toJson());
        body.put("captureTime", AntomTime.format(capture.captureTime));
        return Json.write(body);
    }

    /** A {@code REFUND_RESULT} notification body. */
    static String refundNotification(Refund refund) {
        ObjectNode body = Json.object();
        body.put("notifyType", "REFUND_RESULT");
        body.set("result", refund.result.toJson());
        body.put("refundStatus", refund.status.name());
        body.put("refundRequestId", refund.refundRequestId);
        body.put("refundId", refund.refundId);
        // no paymentId: the SDK's AlipayRefundNotify has none
        body.set("refundAmount", refund.amount.toJson());
        putIfPresent(body, "refundTime", refund.refundTime);
        return Json.write(body);
    }

    static ObjectNode paymentResultInfo(Payment payment) {
        ObjectNode info = cardInfo(payment);
        putIfPresent(info, "avsResultRaw", payment.avsResultRaw);
        putIfPresent(info, "cvvResultRaw", payment.cvvResultRaw);
        putIfPresent(info, "networkTransactionId", payment.networkTransactionId);
        return info;
    }

    private static ObjectNode cardInfo(Payment payment) {
        CardDetails card = payment.card;
        ObjectNode info = Json.object();
        info.put("cardNo", card.maskedNumber());
        info.put("cardBrand", card.brand());
        putIfPresent(info, "cardToken", payment.cardToken);
        info.put("issuingCountry", card.issuingCountry());
        info.put("funding", card.funding());
        info.put("paymentMethodRegion", card.paymentMethodRegion());
        if (payment.threeDS != null) {
            info.set("threeDSResult", payment.threeDS.toJson());
        }
        return info;
    }

    private static ArrayNode transactions(Payment payment) {
        ArrayNode transactions = Json.MAPPER.createArrayNode();
        for (Capture capture : payment.captures) {
            // a capture still processing shows PAYMENT_IN_PROCESS, as in the hosted-mode guide's own sample
            AntomResult result = capture.status == PaymentStatus.PROCESSING ? AntomResult.PAYMENT_IN_PROCESS : capture.result;
            transactions.add(transaction("CAPTURE", capture.status, result, capture.captureId,
                    capture.captureRequestId, capture.amount, capture.captureTime != null ? capture.captureTime : capture.requestedAt));
        }
        if (payment.cancelTime != null) {
            transactions.add(transaction("CANCEL", PaymentStatus.SUCCESS, AntomResult.SUCCESS, payment.paymentId,
                    payment.terms.paymentRequestId(), payment.terms.amount(), payment.cancelTime));
        }
        for (Refund refund : payment.refunds) {
            transactions.add(transaction("REFUND", refund.status, refund.result, refund.refundId,
                    refund.refundRequestId, refund.amount, refund.refundTime != null ? refund.refundTime : refund.requestedAt));
        }
        return transactions;
    }

    private static ObjectNode transaction(String type, PaymentStatus status, AntomResult result, String id,
                                          String requestId, Money amount, Instant time) {
        ObjectNode transaction = Json.object();
        transaction.put("transactionType", type);
        transaction.put("transactionStatus", status.name());
        transaction.set("transactionResult", result.toJson());
        transaction.put("transactionId", id);
        transaction.put("transactionRequestId", requestId);
        transaction.set("transactionAmount", amount.toJson());
        transaction.put("transactionTime", AntomTime.format(time));
        return transaction;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, AntomTime.format(value));
        }
    }
}
