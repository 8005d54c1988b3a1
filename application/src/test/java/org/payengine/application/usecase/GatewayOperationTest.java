package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.usecase.GatewayOperation.OutcomeFacts;
import org.payengine.application.usecase.GatewayOperation.Sent;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.AntomRefused;
import org.payengine.application.usecase.UseCaseRejection.AntomUnavailable;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.PaymentFact;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentOutcomeUnknown;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentRequestId;

/** The one way a use case calls Antom: admitted before anything is written, every outcome told apart in one place. */
class GatewayOperationTest {

    private static final PaymentRequestId ATTEMPT = PaymentRequestId.of("pay-1");
    private static final OutcomeFacts<String, PaymentFact> PAYMENT_MEANING = OutcomeFacts.<String, PaymentFact>answerIsTheFact()
            .whenRefused((request, refused) -> new PaymentFailed(ATTEMPT, null, refused.code(), refused.message()))
            .whenUnknown((request, unknown) -> new PaymentOutcomeUnknown(ATTEMPT, unknown.reason()));

    private final InMemoryEngine engine = new InMemoryEngine();
    private final CallBudget budget = new CallBudget(new AntomPacing(5, Duration.ZERO, Duration.ofSeconds(30),
            Duration.ofSeconds(60)), engine.clock);
    private final GatewayOperation operation = new GatewayOperation(engine.transactions, engine.orders,
            engine.cardTokens, engine.clock, budget);

    @Test
    public void a_call_the_budget_does_not_admit_prepares_nothing_and_sends_nothing() {
        budget.slowDown();
        AtomicBoolean prepared = new AtomicBoolean();
        AtomicBoolean sent = new AtomicBoolean();

        Sent<String, PaymentFact> call = operation.call(AntomApi.PAY, AuditSource.MERCHANT, () -> {
                    prepared.set(true);
                    return Result.accepted("request");
                })
                .send(request -> {
                    sent.set(true);
                    return GatewayOutcome.completed(new PaymentOutcomeUnknown(ATTEMPT, "never"));
                });

        assertFalse(call.wasSent());
        AntomBusy busy = assertInstanceOf(AntomBusy.class, call.rejection());
        assertEquals(AntomApi.PAY, busy.api());
        assertFalse(prepared.get(), "nothing is written for a call that is not sent");
        assertFalse(sent.get());
    }

    @Test
    public void a_refused_preparation_ends_the_operation_before_antom_is_called() {
        AtomicBoolean sent = new AtomicBoolean();
        Sent<String, PaymentFact> call = operation.call(AntomApi.CAPTURE, AuditSource.MERCHANT,
                        () -> Result.<String>refused(new UseCaseRejection.PaymentNotFound(ATTEMPT)))
                .send(request -> {
                    sent.set(true);
                    return GatewayOutcome.unknown("never", true);
                });

        assertFalse(call.wasSent());
        assertInstanceOf(UseCaseRejection.PaymentNotFound.class, call.rejection());
        assertFalse(sent.get());
    }

    @Test
    public void an_adapter_that_throws_is_an_unknown_outcome_never_a_failure() {
        Sent<String, PaymentFact> call = operation.call(AntomApi.PAY, AuditSource.MERCHANT, "request")
                .send(request -> {
                    throw new IllegalStateException("a bug in the adapter");
                });

        GatewayOutcome.Unknown<PaymentFact> unknown = assertInstanceOf(GatewayOutcome.Unknown.class, call.outcome());
        assertTrue(unknown.reason().contains("a bug in the adapter"));
        assertEquals(List.of(new PaymentOutcomeUnknown(ATTEMPT, unknown.reason())),
                PAYMENT_MEANING.factsOf("request", call.outcome()));
    }

    @Test
    public void each_outcome_means_what_the_use_case_says_it_means() {
        PaymentFact answered = new PaymentOutcomeUnknown(ATTEMPT, "in process");
        ResultCode declined = ResultCode.of("CARD_DECLINED");

        assertEquals(List.of(answered), PAYMENT_MEANING.factsOf("request", GatewayOutcome.completed(answered)));
        assertEquals(List.of(new PaymentFailed(ATTEMPT, null, declined, "no")),
                PAYMENT_MEANING.factsOf("request", GatewayOutcome.refused(declined, "no")));
        assertEquals(List.of(), OutcomeFacts.<String, PaymentFact>answerIsTheFact()
                .factsOf("request", GatewayOutcome.unknown("timeout", true)), "no definite answer means nothing yet");
    }

    @Test
    public void antom_asking_to_slow_down_pauses_the_node() {
        operation.call(AntomApi.INQUIRY_PAYMENT, AuditSource.WORKER, "request")
                .send(request -> GatewayOutcome.rateLimited("REQUEST_TRAFFIC_EXCEED_LIMIT"));

        assertEquals(1, budget.slowDowns());
        assertFalse(operation.call(AntomApi.INQUIRY_PAYMENT, AuditSource.WORKER, "request").isReady());
    }

    @Test
    public void a_question_is_answered_refused_or_unavailable() {
        Result<String> answered = operation.call(AntomApi.CONSULT, AuditSource.MERCHANT, "request")
                .send(request -> GatewayOutcome.completed("CARD"))
                .answer("list payment methods");
        Result<String> refused = operation.call(AntomApi.CONSULT, AuditSource.MERCHANT, "request")
                .send(request -> GatewayOutcome.<String>refused(ResultCode.of("PARAM_ILLEGAL"), "bad"))
                .answer("list payment methods");
        Result<String> unavailable = operation.call(AntomApi.CONSULT, AuditSource.MERCHANT, "request")
                .send(request -> GatewayOutcome.<String>unknown("timeout", true))
                .answer("list payment methods");

        assertEquals("CARD", answered.value());
        assertEquals("PARAM_ILLEGAL", assertInstanceOf(AntomRefused.class, refused.rejection()).antomCode().value());
        assertInstanceOf(AntomUnavailable.class, unavailable.rejection());
    }
}
