package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.payengine.adapters.antom.AntomJson.Envelope;
import org.payengine.adapters.antom.AntomJson.FieldException;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a successful {@code inquiryPayment} says: one payment fact for {@code paymentStatus}
 * (with {@code authExpiryTime}, {@code paymentResultInfo} and {@code cardInfo} as card facts),
 * then one capture or refund fact per entry of {@code transactions[]}.
 */
final class InquiryFacts {

    private static final Logger LOG = LoggerFactory.getLogger(InquiryFacts.class);

    private InquiryFacts() {
    }

    /**
     * @param asked the payment request id inquired about; an answer about another is refused
     * @param knownPaymentId Antom's id when the caller knows it, used when the answer omits it
     */
    static List<Fact> read(JSONObject answer, PaymentRequestId asked, PaymentId knownPaymentId) throws FieldException {
        PaymentRequestId requestId = AntomJson.optionalId(answer, "paymentRequestId", PaymentRequestId::of);
        if (requestId != null && !requestId.equals(asked)) {
            throw new FieldException("paymentRequestId", "is not the one inquired about");
        }
        PaymentId paymentId = AntomJson.optionalId(answer, "paymentId", PaymentId::of);
        if (paymentId == null) {
            paymentId = knownPaymentId;
        }
        List<Fact> facts = new ArrayList<>();
        JSONArray transactions = answer.getJSONArray("transactions");
        facts.add(payment(answer, asked, paymentId, transactions));
        if (paymentId != null) {
            facts.addAll(transactions(transactions, paymentId));
        }
        return facts;
    }

    /** The CAPTURE and REFUND entries of {@code transactions[]} as facts, in Antom's order. */
    static List<Fact> transactions(JSONArray transactions, PaymentId paymentId) {
        List<Fact> facts = new ArrayList<>();
        if (transactions != null) {
            for (int i = 0; i < transactions.size(); i++) {
                Object transaction = transactions.get(i);
                if (transaction instanceof JSONObject) {
                    transaction((JSONObject) transaction, paymentId, i, facts);
                }
            }
        }
        return facts;
    }

    private static PaymentFact payment(JSONObject answer, PaymentRequestId requestId, PaymentId paymentId,
            JSONArray transactions) throws FieldException {
        String status = AntomJson.required(answer, "paymentStatus");
        switch (status) {
            case "SUCCESS":
                if (paymentId == null) {
                    throw new FieldException("paymentId", "is missing");
                }
                return new PaymentSucceeded(requestId, paymentId, AntomJson.money(answer, "paymentAmount"),
                        AntomJson.time(answer, "paymentTime"), AntomJson.time(answer, "authExpiryTime"),
                        CardFactsReader.read(AntomJson.objectOrNull(answer, "paymentResultInfo"),
                                AntomJson.objectOrNull(answer, "cardInfo")));
            case "FAIL":
                String code = AntomJson.optional(answer, "paymentResultCode");
                return new PaymentFailed(requestId, paymentId, ResultCode.of(code == null ? "FAIL" : code),
                        AntomJson.optional(answer, "paymentResultMessage"));
            case "CANCELLED":
                return new PaymentCancelled(requestId, paymentId, cancelTime(transactions));
            case "PROCESSING":
            case "PENDING":
                JSONObject redirect = AntomJson.objectOrNull(answer, "redirectActionForm");
                return new PaymentInProcess(requestId, paymentId, AntomJson.optional(redirect, "redirectUrl"));
            default:
                throw new FieldException("paymentStatus", "is '" + status + "', not one Antom documents");
        }
    }

    private static Instant cancelTime(JSONArray transactions) {
        if (transactions == null) {
            return null;
        }
        for (Object transaction : transactions) {
            if (transaction instanceof JSONObject && "CANCEL".equals(((JSONObject) transaction).getString("transactionType"))) {
                return AntomJson.time((JSONObject) transaction, "transactionTime");
            }
        }
        return null;
    }

    /** A CAPTURE or REFUND transaction as a fact; other types carry nothing the engine keeps. */
    private static void transaction(JSONObject transaction, PaymentId paymentId, int index, List<Fact> facts) {
        String type = transaction.getString("transactionType");
        try {
            if ("CAPTURE".equals(type)) {
                facts.add(capture(transaction, paymentId));
            } else if ("REFUND".equals(type)) {
                facts.add(refund(transaction));
            }
        } catch (FieldException e) {
            // one unreadable transaction must not hide the payment's status; it is reported again later
            LOG.warn("inquiryPayment transactions[{}] ({}) skipped: {}", index, type, e.getMessage());
        }
    }

    private static Fact capture(JSONObject transaction, PaymentId paymentId) throws FieldException {
        CaptureRequestId requestId = AntomJson.optionalId(transaction, "transactionRequestId", CaptureRequestId::of);
        switch (status(transaction)) {
            case "SUCCESS":
                return new CaptureSucceeded(paymentId, requestId, AntomJson.id(transaction, "transactionId", CaptureId::of),
                        AntomJson.money(transaction, "transactionAmount"), AntomJson.time(transaction, "transactionTime"));
            case "FAIL":
                Envelope result = transactionResult(transaction);
                return new CaptureFailed(paymentId, requestId, result.resultCode(), result.message());
            default:
                return new CaptureProcessing(paymentId, requestId);
        }
    }

    private static Fact refund(JSONObject transaction) throws FieldException {
        RefundRequestId requestId = AntomJson.id(transaction, "transactionRequestId", RefundRequestId::of);
        switch (status(transaction)) {
            case "SUCCESS":
                return new RefundSucceeded(requestId, AntomJson.id(transaction, "transactionId", RefundId::of),
                        AntomJson.money(transaction, "transactionAmount"), AntomJson.time(transaction, "transactionTime"));
            case "FAIL":
                Envelope result = transactionResult(transaction);
                return new RefundFailed(requestId, result.resultCode(), result.message());
            default:
                return new RefundProcessing(requestId, AntomJson.optionalId(transaction, "transactionId", RefundId::of));
        }
    }

    private static String status(JSONObject transaction) throws FieldException {
        return AntomJson.required(transaction, "transactionStatus");
    }

    private static Envelope transactionResult(JSONObject transaction) throws FieldException {
        return transaction.get("transactionResult") == null
                ? new Envelope("F", "FAIL", null)
                : AntomJson.result(transaction, "transactionResult");
    }
}
