package org.payengine.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.payengine.application.port.CancelRequest;
import org.payengine.application.port.CaptureRequest;
import org.payengine.application.port.Clock;
import org.payengine.application.port.ConsultRequest;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentMethodOption;
import org.payengine.application.port.PaymentRequest;
import org.payengine.application.port.RefundInquiry;
import org.payengine.application.port.RefundRequest;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.fact.CaptureFact;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentCancelled;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.RefundFact;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.CaptureMode;

/**
 * A small, stateful stand-in for Antom behind the {@link PaymentGateway} port, for use-case tests: payments,
 * captures, cancels and refunds with Antom's idempotency (same request id → same answer; same id with other
 * contents → {@code REPEAT_REQ_INCONSISTENT}), Antom's refusals ({@code ORDER_NOT_EXIST},
 * {@code ORDER_STATUS_INVALID}, {@code CANCEL_WINDOW_EXCEED} for a captured payment…), and a buyer on the
 * hosted page ({@link #buyerPays}, {@link #buyerIsDeclined}) whose actions return the facts Antom's
 * notifications would carry.
 *
 * <p>Tests script trouble: {@link #answerNext} makes the next call of an operation answer something else without
 * touching the state (a refusal, an unknown), {@link #loseNextAnswer} carries the next call out and then answers
 * unknown, as when the connection breaks after Antom acted. Every request is recorded ({@link #requests()}).
 * Thread-safe.
 */
public final class FakePaymentGateway implements PaymentGateway {

    /** The gateway's operations, for scripting. */
    public enum Operation { PAY, INQUIRE_PAYMENT, CAPTURE, CANCEL, REFUND, INQUIRE_REFUND, CONSULT }

    /** What the fake hosted page reports about the buyer's card. */
    public static final CardFacts CARD = new CardFacts("VISA", MaskedCardNumber.of("405469******0768"),
            CardToken.of("fake-token-0768"), "CREDIT", "SG", null, "Y", "M",
            new ThreeDSResult("2.2.0", "05", "AAACBllleQAAAABWJxhZdQAAAAA=", "fake-ds-1"), "fake-nti-1");

    private final Clock clock;
    private final Map<PaymentRequestId, Payment> payments = new LinkedHashMap<>();
    private final Map<Operation, Queue<Script>> scripts = new EnumMap<>(Operation.class);
    private final List<Object> requests = new ArrayList<>();
    private boolean capturedPaymentsCancellable;
    private Consumer<Object> onCall = request -> { };
    private long sequence;

    private record Script(GatewayOutcome<?> answer, boolean performFirst) {
    }

    private static final class Payment {
        final PaymentRequest request;
        final PaymentId paymentId;
        String status = "PROCESSING";
        Instant paidAt;
        Instant authExpiresAt;
        ResultCode failure;
        Instant cancelledAt;
        CaptureRequestId captureRequestId;
        CaptureId captureId;
        Instant capturedAt;
        final Map<RefundRequestId, RefundSucceeded> refunds = new LinkedHashMap<>();

        Payment(PaymentRequest request, PaymentId paymentId) {
            this.request = request;
            this.paymentId = paymentId;
        }
    }

    public FakePaymentGateway(Clock clock) {
        this.clock = clock;
    }

    // ---- scripting and the buyer -------------------------------------------------------------------

    /** The next call of {@code operation} answers {@code answer} and changes nothing. */
    public synchronized FakePaymentGateway answerNext(Operation operation, GatewayOutcome<?> answer) {
        scripts.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Script(answer, false));
        return this;
    }

    /** The next call of {@code operation} is carried out, but its answer is lost: the caller gets unknown. */
    public synchronized FakePaymentGateway loseNextAnswer(Operation operation) {
        scripts.computeIfAbsent(operation, o -> new ArrayDeque<>())
                .add(new Script(GatewayOutcome.unknown("read timed out (scripted)", true), true));
        return this;
    }

    /** Runs {@code hook} with each request as it arrives, before it is handled (e.g. to look at the store meanwhile). */
    public synchronized FakePaymentGateway onCall(Consumer<Object> hook) {
        this.onCall = hook;
        return this;
    }

    /** Whether Antom cancels captured payments (giving the money back); by default it refuses with {@code CANCEL_WINDOW_EXCEED}. */
    public synchronized FakePaymentGateway capturedPaymentsCancellable(boolean cancellable) {
        this.capturedPaymentsCancellable = cancellable;
        return this;
    }

    /**
     * The buyer pays on the hosted page: the payment succeeds (and with automatic capture is captured at once).
     *
     * @return the facts Antom's notifications would carry, in the order Antom sends them
     */
    public synchronized List<Fact> buyerPays(PaymentRequestId attempt) {
        Payment payment = processing(attempt);
        Instant now = clock.now();
        payment.status = "SUCCESS";
        payment.paidAt = now;
        List<Fact> facts = new ArrayList<>();
        if (payment.request.options().captureMode() == CaptureMode.MANUAL) {
            payment.authExpiresAt = now.plus(Duration.ofDays(7));
        }
        facts.add(succeeded(payment));
        if (payment.request.options().captureMode() == CaptureMode.AUTOMATIC) {
            payment.captureRequestId = CaptureRequestId.of("fake-auto-cap-" + next());
            payment.captureId = CaptureId.of("fake-cap-" + next());
            payment.capturedAt = now;
            facts.add(captured(payment));
        }
        return facts;
    }

    /** The issuer declines the buyer's card. @return the fact Antom's notification would carry */
    public synchronized List<Fact> buyerIsDeclined(PaymentRequestId attempt, String code) {
        Payment payment = processing(attempt);
        payment.status = "FAIL";
        payment.failure = ResultCode.of(code);
        return List.of(new PaymentFailed(attempt, payment.paymentId, payment.failure, "declined (fake)"));
    }

    /** Antom's payment id for an attempt it knows. */
    public synchronized Optional<PaymentId> paymentIdOf(PaymentRequestId attempt) {
        return Optional.ofNullable(payments.get(attempt)).map(payment -> payment.paymentId);
    }

    /** Every request received, in order. */
    public synchronized List<Object> requests() {
        return List.copyOf(requests);
    }

    /** The requests of one type, in order. */
    public synchronized <R> List<R> requests(Class<R> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    // ---- the port ----------------------------------------------------------------------------------

    @Override
    public synchronized GatewayOutcome<PaymentFact> pay(PaymentRequest request) {
        return handle(Operation.PAY, request, () -> {
            Payment existing = payments.get(request.paymentRequestId());
            if (existing != null) {
                return existing.request.equals(request)
                        ? GatewayOutcome.completed(inProcess(existing))
                        : refused("REPEAT_REQ_INCONSISTENT", "same paymentRequestId, different request");
            }
            Payment payment = new Payment(request, PaymentId.of("fake-pay-" + next()));
            payments.put(request.paymentRequestId(), payment);
            return GatewayOutcome.completed(inProcess(payment));
        });
    }

    @Override
    public synchronized GatewayOutcome<List<Fact>> inquirePayment(PaymentInquiry inquiry) {
        return handle(Operation.INQUIRE_PAYMENT, inquiry, () -> {
            Optional<Payment> found = find(inquiry.paymentRequestId(), inquiry.paymentId());
            if (found.isEmpty()) {
                return refused("ORDER_NOT_EXIST", "no such payment");
            }
            Payment payment = found.get();
            List<Fact> facts = new ArrayList<>();
            facts.add(switch (payment.status) {
                case "SUCCESS" -> succeeded(payment);
                case "FAIL" -> new PaymentFailed(payment.request.paymentRequestId(), payment.paymentId, payment.failure,
                        "failed (fake)");
                case "CANCELLED" -> new PaymentCancelled(payment.request.paymentRequestId(), payment.paymentId,
                        payment.cancelledAt);
                default -> inProcess(payment);
            });
            if (payment.captureId != null) {
                facts.add(captured(payment));
            }
            facts.addAll(payment.refunds.values());
            return GatewayOutcome.completed(List.copyOf(facts));
        });
    }

    @Override
    public synchronized GatewayOutcome<CaptureFact> capture(CaptureRequest request) {
        return handle(Operation.CAPTURE, request, () -> {
            Optional<Payment> found = find(null, request.paymentId());
            if (found.isEmpty()) {
                return refused("ORDER_NOT_EXIST", "no such payment");
            }
            Payment payment = found.get();
            if (request.captureRequestId().equals(payment.captureRequestId)) {
                return GatewayOutcome.completed(captured(payment));
            }
            if (payment.captureId != null) {
                return refused("MULTI_CAPTURE_NOT_SUPPORTED", "already captured under another captureRequestId");
            }
            if (!"SUCCESS".equals(payment.status) || payment.request.options().captureMode() != CaptureMode.MANUAL) {
                return refused("ORDER_STATUS_INVALID", "payment is " + payment.status + ", not an authorization to capture");
            }
            if (!request.amount().equals(payment.request.amount())) {
                return refused("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT", "capture must equal the authorized amount");
            }
            if (!clock.now().isBefore(payment.authExpiresAt)) {
                return refused("ORDER_IS_CLOSED", "the authorization expired");
            }
            payment.captureRequestId = request.captureRequestId();
            payment.captureId = CaptureId.of("fake-cap-" + next());
            payment.capturedAt = clock.now();
            return GatewayOutcome.completed(captured(payment));
        });
    }

    @Override
    public synchronized GatewayOutcome<PaymentCancelled> cancel(CancelRequest request) {
        return handle(Operation.CANCEL, request, () -> {
            Optional<Payment> found = find(request.paymentRequestId(), request.paymentId());
            if (found.isEmpty()) {
                return refused("ORDER_NOT_EXIST", "no such payment");
            }
            Payment payment = found.get();
            if ("FAIL".equals(payment.status) || !payment.refunds.isEmpty()) {
                return refused("ORDER_STATUS_INVALID", "payment is " + payment.status);
            }
            if (payment.captureId != null && !capturedPaymentsCancellable) {
                return refused("CANCEL_WINDOW_EXCEED", "captured card payments are refunded, not cancelled");
            }
            if (!"CANCELLED".equals(payment.status)) {
                payment.status = "CANCELLED";
                payment.cancelledAt = clock.now();
            }
            return GatewayOutcome.completed(new PaymentCancelled(payment.request.paymentRequestId(), payment.paymentId,
                    payment.cancelledAt));
        });
    }

    @Override
    public synchronized GatewayOutcome<RefundFact> refund(RefundRequest request) {
        return handle(Operation.REFUND, request, () -> {
            Optional<Payment> found = find(null, request.paymentId());
            if (found.isEmpty()) {
                return refused("ORDER_NOT_EXIST", "no such payment");
            }
            Payment payment = found.get();
            RefundSucceeded known = payment.refunds.get(request.refundRequestId());
            if (known != null) {
                return GatewayOutcome.completed(known);
            }
            if (payment.captureId == null || "CANCELLED".equals(payment.status)) {
                return refused("ORDER_STATUS_INVALID", "only captured payments are refunded");
            }
            Money refunded = payment.refunds.values().stream().map(RefundSucceeded::amount)
                    .reduce(Money.zero(request.amount().currency()), Money::plus);
            if (refunded.plus(request.amount()).compareTo(payment.request.amount()) > 0) {
                return refused("REFUND_AMOUNT_EXCEED", "more than captured");
            }
            RefundSucceeded refund = new RefundSucceeded(request.refundRequestId(), RefundId.of("fake-ref-" + next()),
                    request.amount(), clock.now());
            payment.refunds.put(request.refundRequestId(), refund);
            return GatewayOutcome.completed(refund);
        });
    }

    @Override
    public synchronized GatewayOutcome<RefundFact> inquireRefund(RefundInquiry inquiry) {
        return handle(Operation.INQUIRE_REFUND, inquiry, () -> payments.values().stream()
                .map(payment -> payment.refunds.get(inquiry.refundRequestId())).filter(r -> r != null).findFirst()
                .<GatewayOutcome<RefundFact>>map(GatewayOutcome::completed)
                .orElseGet(() -> refused("ORDER_NOT_EXIST", "no such refund")));
    }

    @Override
    public synchronized GatewayOutcome<List<PaymentMethodOption>> consult(ConsultRequest request) {
        return handle(Operation.CONSULT, request, () -> GatewayOutcome.completed(List.of(
                new PaymentMethodOption("CARD", "CARD", true, true, null, "VISA", "https://fake-antom.test/visa.png",
                        List.of("GLOBAL"), List.of(request.currency().getCurrencyCode()), List.of("VISA")),
                new PaymentMethodOption("CARD", "CARD", true, false, null, "MASTERCARD",
                        "https://fake-antom.test/mastercard.png", List.of("GLOBAL"),
                        List.of(request.currency().getCurrencyCode()), List.of("MASTERCARD")))));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private <T> GatewayOutcome<T> handle(Operation operation, Object request, Supplier<GatewayOutcome<T>> perform) {
        requests.add(request);
        onCall.accept(request);
        Script script = Optional.ofNullable(scripts.get(operation)).map(Queue::poll).orElse(null);
        if (script == null) {
            return perform.get();
        }
        if (script.performFirst()) {
            perform.get();
        }
        return (GatewayOutcome<T>) script.answer();
    }

    private Payment processing(PaymentRequestId attempt) {
        Payment payment = payments.get(attempt);
        if (payment == null || !"PROCESSING".equals(payment.status)) {
            throw new IllegalStateException("the fake Antom has no payment awaiting the buyer for " + attempt);
        }
        return payment;
    }

    private Optional<Payment> find(PaymentRequestId attempt, PaymentId paymentId) {
        if (paymentId != null) {
            return payments.values().stream().filter(payment -> payment.paymentId.equals(paymentId)).findFirst();
        }
        return Optional.ofNullable(payments.get(attempt));
    }

    private static PaymentInProcess inProcess(Payment payment) {
        return new PaymentInProcess(payment.request.paymentRequestId(), payment.paymentId,
                "https://fake-antom.test/checkout/" + payment.paymentId);
    }

    private static PaymentSucceeded succeeded(Payment payment) {
        CardFacts card = payment.request.options().saveCard() ? CARD
                : new CardFacts(CARD.brand(), CARD.maskedNumber(), null, CARD.funding(), CARD.issuingCountry(), null,
                CARD.avsResultRaw(), CARD.cvvResultRaw(), CARD.threeDS(), CARD.networkTransactionId());
        return new PaymentSucceeded(payment.request.paymentRequestId(), payment.paymentId, payment.request.amount(),
                payment.paidAt, payment.authExpiresAt, card);
    }

    private static CaptureSucceeded captured(Payment payment) {
        return new CaptureSucceeded(payment.paymentId, payment.captureRequestId, payment.captureId,
                payment.request.amount(), payment.capturedAt);
    }

    private static <T> GatewayOutcome<T> refused(String code, String message) {
        return GatewayOutcome.refused(ResultCode.of(code), message);
    }

    private long next() {
        return ++sequence;
    }
}
