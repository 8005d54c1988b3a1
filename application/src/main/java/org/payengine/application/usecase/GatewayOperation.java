package org.payengine.application.usecase;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.AntomBusy;
import org.payengine.application.usecase.UseCaseRejection.AntomRefused;
import org.payengine.application.usecase.UseCaseRejection.AntomUnavailable;
import org.payengine.domain.Rejection;
import org.payengine.domain.Result;
import org.payengine.domain.audit.AuditSource;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentAttempt;

/**
 * One call to Antom, made the same way by every use case and worker:
 * <ol>
 *   <li><b>admit</b> the call through the node's {@link CallBudget} (the merchant's calls wait their turn, the
 *       workers' never do); a call not admitted is not sent, so nothing happened at Antom;</li>
 *   <li><b>prepare</b>: in a first transaction, write the state the call starts from (the attempt
 *       {@code INITIATED}, the capture {@code REQUESTED}, the cancel sent), so that a crash or a lost answer
 *       leaves something to follow up;</li>
 *   <li><b>call</b> Antom outside any transaction ({@link Gateway#call}: a bug in the adapter is an unknown
 *       outcome, Antom's "slow down" pauses the budget);</li>
 *   <li><b>turn the outcome into facts</b>: what Antom answered, what its definite refusal means for this call,
 *       and what no definite answer means (usually nothing: the follow-ups settle it; never a failure);</li>
 *   <li><b>apply</b> the facts in a second transaction, through the one path every fact takes.</li>
 * </ol>
 * The use cases say only what differs: which API, what to prepare, which gateway call, and what each outcome means.
 */
final class GatewayOperation {

    private final Transactions transactions;
    private final Orders orders;
    private final FactApplier applier;
    private final CallBudget budget;

    GatewayOperation(Transactions transactions, Orders orders, CardTokens cardTokens, Clock clock, CallBudget budget) {
        this.transactions = transactions;
        this.orders = orders;
        this.applier = new FactApplier(transactions, orders, cardTokens, clock);
        this.budget = budget;
    }

    /**
     * An operation for calls that read and write nothing (questions to Antom): only admitted, sent and answered.
     * Preparing or applying with it is a bug.
     */
    static GatewayOperation withoutStores(Clock clock, CallBudget budget) {
        Transactions none = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                throw new IllegalStateException("this gateway operation reads and writes nothing");
            }
        };
        return new GatewayOperation(none, null, null, clock, budget);
    }

    /** The attempt as stored now, read in a transaction of its own. */
    Optional<PaymentAttempt> attempt(PaymentRequestId attemptId) {
        return applier.attempt(attemptId);
    }

    /** Applies facts that did not come from this operation's call (a refusal's consequence), in a transaction. */
    void apply(List<? extends Fact> facts, FactSource source) {
        applier.apply(facts, source);
    }

    /**
     * Asks the call budget for one call of {@code api}: the merchant's calls wait their turn, the workers' are
     * admitted at once or not at all.
     */
    boolean admits(AntomApi api, AuditSource by) {
        return by == AuditSource.WORKER ? budget.admitBackgroundCall(api) : budget.admitMerchantCall(api);
    }

    /**
     * Starts a call of {@code api} for {@code by}: admits it and, if admitted, prepares it in a transaction.
     *
     * @param prepare what to write before the call, and the request to send; its refusal ends the operation and
     *                nothing is sent
     */
    <Q> Prepared<Q> call(AntomApi api, AuditSource by, Supplier<Result<Q>> prepare) {
        if (!admits(api, by)) {
            return new Prepared<>(null, Result.refused(busy(api)));
        }
        return new Prepared<>(api, transactions.inTransaction(prepare));
    }

    /** Starts a call that needs nothing written before it: only admitted. */
    <Q> Prepared<Q> call(AntomApi api, AuditSource by, Q request) {
        return admits(api, by) ? new Prepared<>(api, Result.accepted(request))
                : new Prepared<>(null, Result.refused(busy(api)));
    }

    /**
     * A preparation on the order that {@code find} loads (inside the preparing transaction): {@code change} decides
     * and writes the before-state; the order is saved when it changed, whatever the decision.
     */
    <Q> Supplier<Result<Q>> onOrder(Supplier<Optional<Order>> find, Rejection notFound,
                                    Function<Order, Result<Q>> change) {
        return () -> {
            Optional<Order> order = find.get();
            if (order.isEmpty()) {
                return Result.refused(notFound);
            }
            Result<Q> decided = change.apply(order.get());
            if (order.get().hasChanges()) {
                orders.save(order.get());
            }
            return decided;
        };
    }

    /** {@link #onOrder} in a transaction of its own: a change decided on the stored order, saved if it changed. */
    <Q> Result<Q> write(Supplier<Optional<Order>> find, Rejection notFound, Function<Order, Result<Q>> change) {
        return transactions.inTransaction(onOrder(find, notFound, change));
    }

    /** Writes a change on the order that {@code find} loads, in a transaction of its own, saving it if it changed. */
    void change(Supplier<Optional<Order>> find, Consumer<Order> change) {
        transactions.run(() -> find.get().ifPresent(order -> {
            change.accept(order);
            if (order.hasChanges()) {
                orders.save(order);
            }
        }));
    }

    /** Reads in a transaction of its own. */
    <R> R read(Supplier<R> read) {
        return transactions.inTransaction(read);
    }

    /** Why a call was not sent: the node's calls are paced; the caller may retry after the pause. */
    AntomBusy busy(AntomApi api) {
        return budget.busy(api);
    }

    /** An admitted call with its request written (or why it ends here). */
    final class Prepared<Q> {
        private final AntomApi api;
        private final Result<Q> request;

        private Prepared(AntomApi api, Result<Q> request) {
            this.api = api;
            this.request = request;
        }

        /** Whether the call was admitted and prepared; otherwise {@link #rejection()} says why. */
        boolean isReady() {
            return request.isAccepted();
        }

        Rejection rejection() {
            return request.rejection();
        }

        /** Sends the prepared request with {@code send}, outside any transaction. */
        <T> Sent<Q, T> send(Function<Q, GatewayOutcome<T>> send) {
            if (!request.isAccepted()) {
                return new Sent<>(api, request, null);
            }
            Q prepared = request.value();
            return new Sent<>(api, request, Gateway.call(budget, () -> send.apply(prepared)));
        }
    }

    /** A call's request and Antom's outcome, to be turned into facts and applied (or the refusal that ended it). */
    final class Sent<Q, T> {
        private final AntomApi api;
        private final Result<Q> request;
        private final GatewayOutcome<T> outcome;

        private Sent(AntomApi api, Result<Q> request, GatewayOutcome<T> outcome) {
            this.api = api;
            this.request = request;
            this.outcome = outcome;
        }

        /** Whether the request was sent; when not, {@link #rejection()} says why. */
        boolean wasSent() {
            return outcome != null;
        }

        Rejection rejection() {
            return request.rejection();
        }

        Q request() {
            return request.value();
        }

        /** Antom's outcome; only when {@link #wasSent()}. */
        GatewayOutcome<T> outcome() {
            return outcome;
        }

        /**
         * Applies the facts the outcome means, in a transaction of their own.
         *
         * @return the outcome, or why nothing was sent
         */
        Result<GatewayOutcome<T>> apply(FactSource source, OutcomeFacts<Q, T> meaning) {
            if (!wasSent()) {
                return Result.refused(rejection());
            }
            List<? extends Fact> facts = meaning.factsOf(request.value(), outcome);
            if (!facts.isEmpty()) {
                applier.apply(facts, source);
            }
            return Result.accepted(outcome);
        }

        /**
         * Applies the facts the outcome means, Antom's answer to this call, and answers the attempt as it stands
         * after them.
         */
        Result<PaymentAttempt> applyAndRead(PaymentRequestId attemptId, OutcomeFacts<Q, T> meaning) {
            if (!wasSent()) {
                return Result.refused(rejection());
            }
            if (outcome instanceof GatewayOutcome.Refused<T> refused && meaning.refusalAnswer != null) {
                return meaning.refusalAnswer.apply(request.value(), refused);
            }
            return Result.accepted(applier.applyAndRead(attemptId, FactSource.API_RESPONSE,
                    meaning.factsOf(request.value(), outcome)));
        }

        /**
         * For a call that changes nothing (a question): Antom's answer, {@link AntomRefused} with Antom's code,
         * or {@link AntomUnavailable} when there was no definite answer.
         */
        Result<T> answer(String what) {
            if (!wasSent()) {
                return Result.refused(rejection());
            }
            if (outcome instanceof GatewayOutcome.Completed<T> completed) {
                return Result.accepted(completed.value());
            }
            if (outcome instanceof GatewayOutcome.Refused<T> refused) {
                return Result.refused(new AntomRefused(what, refused.code(), refused.message()));
            }
            return Result.refused(new AntomUnavailable(what, ((GatewayOutcome.Unknown<T>) outcome).reason()));
        }
    }

    /**
     * What each of the three outcomes of a call means as facts. Antom's answer is a fact as it stands; a refusal and
     * no definite answer mean nothing unless the use case says otherwise.
     */
    static final class OutcomeFacts<Q, T> {
        private final BiFunction<Q, T, List<? extends Fact>> completed;
        private final BiFunction<Q, GatewayOutcome.Refused<T>, List<? extends Fact>> refused;
        private final BiFunction<Q, GatewayOutcome.Unknown<T>, List<? extends Fact>> unknown;
        private final BiFunction<Q, GatewayOutcome.Refused<T>, Result<PaymentAttempt>> refusalAnswer;

        private OutcomeFacts(BiFunction<Q, T, List<? extends Fact>> completed,
                             BiFunction<Q, GatewayOutcome.Refused<T>, List<? extends Fact>> refused,
                             BiFunction<Q, GatewayOutcome.Unknown<T>, List<? extends Fact>> unknown,
                             BiFunction<Q, GatewayOutcome.Refused<T>, Result<PaymentAttempt>> refusalAnswer) {
            this.completed = completed;
            this.refused = refused;
            this.unknown = unknown;
            this.refusalAnswer = refusalAnswer;
        }

        /** Antom's answer is the one fact; a refusal and no definite answer mean nothing yet. */
        static <Q, T extends Fact> OutcomeFacts<Q, T> answerIsTheFact() {
            return new OutcomeFacts<>((request, answer) -> List.of(answer), (request, refusal) -> List.of(),
                    (request, unknown) -> List.of(), null);
        }

        /** Antom's answer is a list of facts; a refusal and no definite answer mean nothing yet. */
        static <Q, T extends List<? extends Fact>> OutcomeFacts<Q, T> answerIsTheFacts() {
            return new OutcomeFacts<>((request, answer) -> answer, (request, refusal) -> List.of(),
                    (request, unknown) -> List.of(), null);
        }

        /** What Antom's definite refusal means (e.g. the operation's failure). */
        OutcomeFacts<Q, T> whenRefused(BiFunction<Q, GatewayOutcome.Refused<T>, ? extends Fact> meaning) {
            return new OutcomeFacts<>(completed, (request, refusal) -> {
                Fact fact = meaning.apply(request, refusal);
                return fact == null ? List.of() : List.of(fact);
            }, unknown, refusalAnswer);
        }

        /** What no definite answer means (e.g. the payment's outcome is unknown). */
        OutcomeFacts<Q, T> whenUnknown(BiFunction<Q, GatewayOutcome.Unknown<T>, ? extends Fact> meaning) {
            return new OutcomeFacts<>(completed, refused, (request, outcome) -> List.of(meaning.apply(request, outcome)),
                    refusalAnswer);
        }

        /**
         * Antom's definite refusal is no fact about the payment but the operation's answer: nothing is applied and the
         * caller hears {@code answer} (e.g. a cancel Antom would not carry out).
         */
        OutcomeFacts<Q, T> whenRefusedAnswer(BiFunction<Q, GatewayOutcome.Refused<T>, Result<PaymentAttempt>> answer) {
            return new OutcomeFacts<>(completed, refused, unknown, answer);
        }

        /** The one place an outcome is told apart. */
        List<? extends Fact> factsOf(Q request, GatewayOutcome<T> outcome) {
            if (outcome instanceof GatewayOutcome.Completed<T> answer) {
                return completed.apply(request, answer.value());
            }
            if (outcome instanceof GatewayOutcome.Refused<T> refusal) {
                return refused.apply(request, refusal);
            }
            return unknown.apply(request, (GatewayOutcome.Unknown<T>) outcome);
        }
    }
}
