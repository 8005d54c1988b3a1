package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONObject;
import com.alipay.global.api.model.ams.Env;
import com.alipay.global.api.model.ams.ProductCodeType;
import com.alipay.global.api.model.ams.TerminalType;
import com.alipay.global.api.request.AlipayRequest;
import com.alipay.global.api.request.ams.pay.AlipayCaptureRequest;
import com.alipay.global.api.request.ams.pay.AlipayInquiryRefundRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayCancelRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayConsultRequest;
import com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest;
import com.alipay.global.api.request.ams.pay.AlipayRefundRequest;
import com.alipay.global.api.response.AlipayResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.payengine.adapters.antom.AntomJson.Envelope;
import org.payengine.adapters.antom.AntomJson.FieldException;
import org.payengine.adapters.antom.ResultCodeTable.Disposition;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayHealth;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link PaymentGateway} on Antom, through the official SDK's models and signing
 * over {@link AntomTransport}.
 *
 * <p>Every answer's {@code result} is read against Antom's result-code tables
 * ({@code result-codes.tsv}): {@code S} and the in-process {@code U} codes are completed calls,
 * {@code F} is refused with Antom's code and message, and everything else is unknown — with
 * {@code sameRequestMayBeResent} true where Antom advises resending the identical request
 * ({@code UNKNOWN_EXCEPTION}, {@code REQUEST_TRAFFIC_EXCEED_LIMIT}, and every transport failure:
 * timeouts, 5xx, broken connections, badly signed answers, which Antom's idempotency makes safe to
 * resend) and false where resending would not tell (an {@code F} {@code REPEAT_REQ_INCONSISTENT},
 * an undocumented {@code U} code). {@code REQUEST_TRAFFIC_EXCEED_LIMIT} and HTTP 429 are unknown and
 * {@linkplain GatewayOutcome.Unknown#rateLimited() rate limited}. Inquiries and consult change
 * nothing, so they may always be resent. The adapter never sleeps and never retries by itself.
 *
 * <p>Antom's gateway answers its own errors unsigned ({@link GatewayError}): such an {@code F} is a
 * refusal with its code, and one about the configuration (a wrong key, an unknown client id, …) also
 * raises an alarm in {@link #health()} naming the settings to check. Any other unsigned {@code F} is
 * unknown and an alarm, never a failure; an unsigned {@code S} never reaches this class.
 */
public final class AntomPaymentGateway implements PaymentGateway {

    private static final Logger LOG = LoggerFactory.getLogger(AntomPaymentGateway.class);

    /** Antom's "slow down": the call was not taken because of the rate of calls. */
    private static final String RATE_LIMIT_CODE = "REQUEST_TRAFFIC_EXCEED_LIMIT";

    private final ResultCodeTable resultCodes = ResultCodeTable.antom();
    private final AntomTransport transport;
    private final PayRequestBuilder payRequests;
    private final ConfigurationAlarms alarms;

    private AntomPaymentGateway(AntomTransport transport, PayRequestBuilder payRequests, ConfigurationAlarms alarms) {
        this.transport = transport;
        this.payRequests = payRequests;
        this.alarms = alarms;
    }

    /** A gateway with its own HTTP client, for the Antom that {@code settings} describe. */
    public static AntomPaymentGateway create(AntomSettings settings) {
        return new AntomPaymentGateway(new AntomTransport(settings),
                new PayRequestBuilder(settings.notifyUrl().orElse(null)), new ConfigurationAlarms(Clock.systemUTC()));
    }

    /**
     * Whether Antom accepts this gateway's configuration, as its latest answers show: an alarm per API that
     * Antom refused with an authentication or configuration error ({@code INVALID_SIGNATURE}, {@code KEY_NOT_FOUND},
     * an unknown client id, …), naming the settings to check by the {@link AntomSettings.Builder} methods that set
     * them ({@code clientId}, {@code merchantPrivateKey}, {@code endpoint}, {@code sandbox}); cleared by the next
     * signed answer to that API.
     */
    public GatewayHealth health() {
        return alarms;
    }

    @Override
    public GatewayOutcome<PaymentFact> pay(PaymentRequest request) {
        return call(AntomApi.PAY, payRequests.build(request), false,
                (answer, inProcess) -> OperationFacts.pay(answer, request, inProcess));
    }

    @Override
    public GatewayOutcome<List<Fact>> inquirePayment(PaymentInquiry inquiry) {
        AlipayPayQueryRequest query = new AlipayPayQueryRequest();
        query.setPaymentRequestId(inquiry.paymentRequestId().value());
        if (inquiry.paymentId() != null) {
            query.setPaymentId(inquiry.paymentId().value());
        }
        return call(AntomApi.INQUIRY_PAYMENT, query, true,
                (answer, inProcess) -> InquiryFacts.read(answer, inquiry.paymentRequestId(), inquiry.paymentId()));
    }

    @Override
    public GatewayOutcome<CaptureFact> capture(CaptureRequest request) {
        AlipayCaptureRequest capture = new AlipayCaptureRequest();
        capture.setCaptureRequestId(request.captureRequestId().value());
        capture.setPaymentId(request.paymentId().value());
        capture.setCaptureAmount(PayRequestBuilder.amount(request.amount()));
        return call(AntomApi.CAPTURE, capture, false,
                (answer, inProcess) -> OperationFacts.capture(answer, request, inProcess));
    }

    @Override
    public GatewayOutcome<PaymentCancelled> cancel(CancelRequest request) {
        AlipayPayCancelRequest cancel = new AlipayPayCancelRequest();
        if (request.paymentId() != null) {
            cancel.setPaymentId(request.paymentId().value());
        } else {
            cancel.setPaymentRequestId(request.paymentRequestId().value());
        }
        return call(AntomApi.CANCEL, cancel, false, (answer, inProcess) -> OperationFacts.cancel(answer, request));
    }

    @Override
    public GatewayOutcome<RefundFact> refund(RefundRequest request) {
        AlipayRefundRequest refund = new AlipayRefundRequest();
        refund.setRefundRequestId(request.refundRequestId().value());
        refund.setPaymentId(request.paymentId().value());
        refund.setRefundAmount(PayRequestBuilder.amount(request.amount()));
        refund.setRefundReason(request.reason());
        payRequests.notifyUrl().ifPresent(refund::setRefundNotifyUrl);
        return call(AntomApi.REFUND, refund, false,
                (answer, inProcess) -> OperationFacts.refund(answer, request, inProcess));
    }

    @Override
    public GatewayOutcome<RefundFact> inquireRefund(RefundInquiry inquiry) {
        AlipayInquiryRefundRequest query = new AlipayInquiryRefundRequest();
        if (inquiry.refundId() != null) {
            query.setRefundId(inquiry.refundId().value());
        } else {
            query.setRefundRequestId(inquiry.refundRequestId().value());
        }
        return call(AntomApi.INQUIRY_REFUND, query, true,
                (answer, inProcess) -> OperationFacts.inquiredRefund(answer, inquiry));
    }

    /**
     * Antom requires an amount for consult; without one, the options for one major unit of the
     * currency are asked for.
     */
    @Override
    public GatewayOutcome<List<PaymentMethodOption>> consult(ConsultRequest request) {
        AlipayPayConsultRequest consult = new AlipayPayConsultRequest();
        consult.setProductCode(ProductCodeType.CASHIER_PAYMENT);
        Money amount = request.amount() != null ? request.amount()
                : Money.of(request.currency().getCurrencyCode(), (long) Math.pow(10, Money.exponentOf(request.currency())));
        consult.setPaymentAmount(PayRequestBuilder.amount(amount));
        Env env = new Env();
        env.setTerminalType(TerminalType.valueOf(request.terminalType().name()));
        consult.setEnv(env);
        consult.setUserRegion(request.userRegion());
        return call(AntomApi.CONSULT, consult, true, (answer, inProcess) -> ConsultOptions.read(answer));
    }

    /** Reads a completed answer; {@code inProcess} is true for Antom's "accepted, result to come". */
    @FunctionalInterface
    private interface AnswerReader<R> {
        R read(JSONObject answer, boolean inProcess) throws FieldException;
    }

    /**
     * One exchange and its outcome.
     *
     * @param query whether the call changes nothing at Antom (then it may always be resent)
     */
    private <T extends AlipayResponse, R> GatewayOutcome<R> call(AntomApi api, AlipayRequest<T> request, boolean query,
            AnswerReader<R> reader) {
        AntomAnswer<T> answer;
        try {
            answer = transport.call(request);
        } catch (TransportException e) {
            LOG.warn("{}: outcome unknown: {}", api.referenceName(), e.getMessage());
            String reason = api.referenceName() + ": " + e.getMessage();
            return e.kind() == TransportException.Kind.RATE_LIMITED
                    ? GatewayOutcome.rateLimited(reason) : GatewayOutcome.unknown(reason, true);
        }
        Envelope result;
        try {
            result = AntomJson.result(answer.json(), "result");
        } catch (FieldException e) {
            return GatewayOutcome.unknown(api.referenceName() + ": unreadable answer: " + e.getMessage(), true);
        }
        String said = api.referenceName() + ": Antom answered " + result.status() + " " + result.code()
                + (answer.signed() ? "" : " unsigned") + (result.message() == null ? "" : " (" + result.message() + ")");
        Optional<GatewayError> gatewayError = result.is("F") ? GatewayError.of(result.code()) : Optional.empty();
        if (gatewayError.isPresent()) {
            if (gatewayError.get().isConfigurationProblem()) {
                alarms.raise(api, gatewayError.get());
            }
            return GatewayOutcome.refused(result.resultCode(), result.message());
        }
        if (!answer.signed()) {
            return unsigned(api, result, said, query);
        }
        alarms.clear(api);
        if (RATE_LIMIT_CODE.equals(result.code())) {
            return GatewayOutcome.rateLimited(said);
        }
        Disposition disposition = resultCodes.dispositionOf(api, result.code(), result.model());
        switch (disposition) {
            case SUCCEEDED:
            case IN_PROCESS:
                try {
                    return GatewayOutcome.completed(reader.read(answer.json(), disposition == Disposition.IN_PROCESS));
                } catch (FieldException | RuntimeException e) {
                    // Antom says done, but the answer cannot be read: an inquiry will tell what happened
                    LOG.warn("{}: but the answer is unreadable: {}", said, e.getMessage());
                    return GatewayOutcome.unknown(said + ", but the answer is unreadable: " + e.getMessage(), query);
                }
            case FAILED:
                return GatewayOutcome.refused(result.resultCode(), result.message());
            case RESEND_SAME_ID:
                return GatewayOutcome.unknown(said, true);
            default:
                return GatewayOutcome.unknown(said + "; inquire before anything else", query);
        }
    }

    /**
     * An unsigned {@code F} or {@code U} that is not one of the gateway's own errors: Antom signs every answer its
     * payment processing gives, so an unsigned one cannot say a payment failed. A {@code U} stays what it says
     * (unknown; rate limited for {@code REQUEST_TRAFFIC_EXCEED_LIMIT}); an {@code F} is unknown and an alarm.
     */
    private <R> GatewayOutcome<R> unsigned(AntomApi api, Envelope result, String said, boolean query) {
        if (result.is("U")) {
            if (RATE_LIMIT_CODE.equals(result.code())) {
                return GatewayOutcome.rateLimited(said);
            }
            boolean resend = resultCodes.dispositionOf(api, result.code(), result.model()) == Disposition.RESEND_SAME_ID;
            return GatewayOutcome.unknown(said, resend || query);
        }
        LOG.error("ALARM {}: an unsigned refusal that is not one of Antom's gateway errors; not trusted", said);
        return GatewayOutcome.unknown(said + "; not trusted without a signature", true);
    }
}
