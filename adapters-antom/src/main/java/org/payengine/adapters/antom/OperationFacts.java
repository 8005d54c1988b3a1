package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONObject;
import org.payengine.adapters.antom.AntomJson.FieldException;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundProcessing;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.money.Money;

/**
 * What Antom's answers to {@code pay}, {@code capture}, {@code cancel}, {@code refund} and
 * {@code inquiryRefund} say, as domain facts. Called only for answers whose result is a success
 * ({@code S}) or "accepted, result to come" ({@code U} with an in-process code).
 */
final class OperationFacts {

    private OperationFacts() {
    }

    /** {@code S}: paid (a stored card, no buyer needed); in process: the hosted page at {@code normalUrl}. */
    static PaymentFact pay(JSONObject answer, PaymentRequest request, boolean inProcess) throws FieldException {
        PaymentId paymentId = AntomJson.id(answer, "paymentId", PaymentId::of);
        if (inProcess) {
            String url = AntomJson.optional(answer, "normalUrl");
            if (url == null) {
                url = AntomJson.optional(AntomJson.objectOrNull(answer, "redirectActionForm"), "redirectUrl");
            }
            return new PaymentInProcess(request.paymentRequestId(), paymentId, url);
        }
        return new PaymentSucceeded(request.paymentRequestId(), paymentId,
                orElse(AntomJson.optionalMoney(answer, "paymentAmount"), request.amount()),
                AntomJson.time(answer, "paymentTime"), AntomJson.time(answer, "authExpiryTime"),
                CardFactsReader.read(AntomJson.objectOrNull(answer, "paymentResultInfo"), null));
    }

    static CaptureFact capture(JSONObject answer, CaptureRequest request, boolean inProcess) throws FieldException {
        if (inProcess) {
            return new CaptureProcessing(request.paymentId(), request.captureRequestId());
        }
        return new CaptureSucceeded(request.paymentId(), request.captureRequestId(),
                AntomJson.id(answer, "captureId", CaptureId::of),
                orElse(AntomJson.optionalMoney(answer, "captureAmount"), request.amount()),
                AntomJson.time(answer, "captureTime"));
    }

    static PaymentCancelled cancel(JSONObject answer, CancelRequest request) throws FieldException {
        PaymentId paymentId = AntomJson.optionalId(answer, "paymentId", PaymentId::of);
        return new PaymentCancelled(request.paymentRequestId(), paymentId != null ? paymentId : request.paymentId(),
                AntomJson.time(answer, "cancelTime"));
    }

    static RefundFact refund(JSONObject answer, RefundRequest request, boolean inProcess) throws FieldException {
        if (inProcess) {
            return new RefundProcessing(request.refundRequestId(), AntomJson.optionalId(answer, "refundId", RefundId::of));
        }
        return new RefundSucceeded(request.refundRequestId(), AntomJson.id(answer, "refundId", RefundId::of),
                orElse(AntomJson.optionalMoney(answer, "refundAmount"), request.amount()),
                AntomJson.time(answer, "refundTime"));
    }

    /** {@code refundStatus}: SUCCESS, FAIL or PROCESSING. */
    static RefundFact inquiredRefund(JSONObject answer, RefundInquiry inquiry) throws FieldException {
        String status = AntomJson.required(answer, "refundStatus");
        switch (status) {
            case "SUCCESS":
                return new RefundSucceeded(inquiry.refundRequestId(), AntomJson.id(answer, "refundId", RefundId::of),
                        AntomJson.money(answer, "refundAmount"), AntomJson.time(answer, "refundTime"));
            case "FAIL":
                return new RefundFailed(inquiry.refundRequestId(), ResultCode.of("FAIL"), "Antom reports the refund failed");
            case "PROCESSING":
                RefundId refundId = AntomJson.optionalId(answer, "refundId", RefundId::of);
                return new RefundProcessing(inquiry.refundRequestId(), refundId != null ? refundId : inquiry.refundId());
            default:
                throw new FieldException("refundStatus", "is '" + status + "', not SUCCESS, FAIL or PROCESSING");
        }
    }

    private static Money orElse(Money answered, Money requested) {
        return answered != null ? answered : requested;
    }
}
