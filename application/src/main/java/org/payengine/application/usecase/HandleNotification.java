package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.payengine.application.port.CardTokens;
import org.payengine.application.port.Clock;
import org.payengine.application.port.InboxEntry;
import org.payengine.application.port.InboxEntry.InboxStatus;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.NotificationInbox;
import org.payengine.application.port.Orders;
import org.payengine.application.port.RawNotification;
import org.payengine.application.port.Transactions;
import org.payengine.domain.fact.FactSource;

/**
 * Handles one notification from Antom: verifies and decodes it, then — in one transaction — applies its
 * facts and stores it in the inbox. Only after that commit does it hand back the acknowledgement Antom
 * requires, so an acknowledged notification is never lost. A notification about a payment PayEngine does
 * not know (yet) is stored as unmatched and answered so that Antom sends it again. A notification that fails
 * verification changes nothing.
 */
public final class HandleNotification {

    private final NotificationDecoder decoder;
    private final Transactions transactions;
    private final NotificationInbox inbox;
    private final FactApplier applier;
    private final Clock clock;

    @Inject
    public HandleNotification(NotificationDecoder decoder, Transactions transactions, NotificationInbox inbox,
                              Orders orders, CardTokens cardTokens, Clock clock) {
        this.decoder = decoder;
        this.transactions = transactions;
        this.inbox = inbox;
        this.applier = new FactApplier(transactions, orders, cardTokens, clock);
        this.clock = clock;
    }

    public Handling handle(RawNotification notification) {
        NotificationDecoding decoding = decoder.decode(notification);
        if (decoding instanceof NotificationDecoding.Rejected rejected) {
            return new Handling.Rejected(rejected.reason(), rejected.message());
        }
        NotificationDecoding.Accepted accepted = (NotificationDecoding.Accepted) decoding;
        Optional<String> waitingFor = transactions.inTransaction(() -> {
            Optional<InboxEntry> seen = inbox.find(accepted.dedupKey());
            if (seen.isPresent() && seen.get().status() == InboxStatus.PROCESSED) {
                return Optional.<String>empty();
            }
            Instant now = clock.now();
            List<AppliedFact> applied = applier.applyWithin(accepted.facts(), FactSource.NOTIFICATION, now);
            String waiting = applied.stream().filter(AppliedFact::isWaiting)
                    .map(fact -> fact.outcome().detail()).collect(Collectors.joining("; "));
            Instant receivedAt = seen.map(InboxEntry::receivedAt).orElse(notification.receivedAt());
            inbox.record(waiting.isEmpty()
                    ? new InboxEntry(accepted.dedupKey(), notification, InboxStatus.PROCESSED, receivedAt, now, outcomes(applied))
                    : new InboxEntry(accepted.dedupKey(), notification, InboxStatus.UNMATCHED, receivedAt, null, waiting));
            return waiting.isEmpty() ? Optional.<String>empty() : Optional.of(waiting);
        });
        return waitingFor.<Handling>map(Handling.RetryLater::new)
                .orElseGet(() -> new Handling.Acknowledge(accepted.acknowledgement()));
    }

    private static String outcomes(List<AppliedFact> applied) {
        return applied.stream().map(fact -> fact.outcome().kind().name()).collect(Collectors.joining(", "));
    }

    /** How to answer Antom. */
    public sealed interface Handling {

        /** Stored for good: answer HTTP 200 with exactly this body. */
        record Acknowledge(String body) implements Handling {
            public Acknowledge {
                Objects.requireNonNull(body, "body");
            }
        }

        /**
         * Verified and stored, but about a payment, capture or refund PayEngine cannot place yet: answer with a
         * non-2xx status so that Antom sends it again.
         */
        record RetryLater(String reason) implements Handling {
        }

        /** Not verifiably Antom's, or unreadable; nothing changed. Answer 4xx with the reason. */
        record Rejected(NotificationDecoding.Reason reason, String message) implements Handling {
        }
    }
}
