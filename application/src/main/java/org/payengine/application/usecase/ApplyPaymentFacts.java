package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;

/**
 * Applies what Antom said — from a pay response, a notification or an inquiry — to the orders it is about,
 * in one transaction. Idempotent: applying the same facts again changes nothing. Facts about payments no
 * order knows come back as {@link AppliedFact#isWaiting() waiting}.
 */
public final class ApplyPaymentFacts {

    private final FactApplier applier;

    @Inject
    public ApplyPaymentFacts(Transactions transactions, Orders orders, CardTokens cardTokens, Clock clock) {
        this.applier = new FactApplier(transactions, orders, cardTokens, clock);
    }

    /** @return one outcome per fact, in order */
    public List<AppliedFact> apply(Command command) {
        return applier.apply(command.facts(), command.source());
    }

    public record Command(List<Fact> facts, FactSource source) {
        public Command {
            facts = List.copyOf(facts);
            Objects.requireNonNull(source, "source");
        }

        public static Command of(FactSource source, Fact... facts) {
            return new Command(List.of(facts), source);
        }
    }
}
