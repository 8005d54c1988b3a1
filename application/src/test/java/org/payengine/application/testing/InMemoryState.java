package org.payengine.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.payengine.application.port.InboxEntry;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.work.FollowUpReason;
import org.payengine.domain.work.PendingWork;
import org.payengine.domain.work.WorkKind;

/**
 * One immutable version of everything the in-memory stores hold. Every write makes a new state, so a
 * transaction can work on its own view and a commit can replay its writes on the latest state.
 */
record InMemoryState(Map<ReferenceOrderId, OrderSnapshot> orders, Map<ReferenceOrderId, List<AuditEntry>> audit,
                     List<OutboxRecord> outbox, Map<String, InboxEntry> inbox, Map<CardKey, StoredCard> cards,
                     Map<DueKey, DueRecord> dueWork, long dueSequence) {

    static final InMemoryState EMPTY = new InMemoryState(Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), 0);

    /**
     * An event in the outbox: delivered, dead-lettered or neither; from when it may be claimed (lease or retry);
     * how often it was claimed, and the last delivery error.
     */
    record OutboxRecord(DomainEvent event, boolean delivered, Instant availableFrom, int attempts, String lastError,
                        Instant deadLetteredAt) {
        EventId id() {
            return event.id();
        }

        /** Delivered or dead-lettered: never handed out again, and no longer holding back its order's next events. */
        boolean done() {
            return delivered || deadLetteredAt != null;
        }
    }

    record CardKey(ReferenceBuyerId buyer, CardToken token) {
    }

    record DueKey(WorkKind kind, PaymentRequestId attempt) {
    }

    /**
     * A due-work item: due at {@code dueAt} (the end of the lease while leased), with the due instant before the
     * claim kept in {@code dueBeforeClaim} so that a release can restore it.
     *
     * @param id a new one for every item ever added, so a claim on a removed item never matches its successor
     */
    record DueRecord(long id, FollowUpReason reason, Instant since, Instant dueAt, String owner, int claims,
                     Instant dueBeforeClaim, int looks, int buyerReturns, int buyerLooksLeft, Instant lastBuyerLookAt) {

        static DueRecord newItem(long id, PendingWork item) {
            return new DueRecord(id, item.reason(), item.since(), item.since(), null, 0, item.since(), 0, 0, 0, null);
        }

        DueRecord leased(Instant leaseEnd, String newOwner) {
            return new DueRecord(id, reason, since, leaseEnd, newOwner, claims + 1, dueAt, looks, buyerReturns,
                    buyerLooksLeft, lastBuyerLookAt);
        }

        DueRecord due(Instant at) {
            return new DueRecord(id, reason, since, at, null, claims, at, looks, buyerReturns, buyerLooksLeft,
                    lastBuyerLookAt);
        }

        DueRecord renewed(Instant leaseEnd) {
            return new DueRecord(id, reason, since, leaseEnd, owner, claims, dueBeforeClaim, looks, buyerReturns,
                    buyerLooksLeft, lastBuyerLookAt);
        }

        DueRecord looked(int scheduled, int buyer, Instant buyerAt) {
            return new DueRecord(id, reason, since, dueAt, owner, claims, dueBeforeClaim, looks + scheduled,
                    buyerReturns, Math.max(0, buyerLooksLeft - buyer), buyerAt != null ? buyerAt : lastBuyerLookAt);
        }

        DueRecord buyerReturned(Instant now, int following, Instant firstFollowing) {
            Instant next = owner == null && dueAt.isAfter(firstFollowing) ? firstFollowing : dueAt;
            return new DueRecord(id, reason, since, next, owner, claims, dueBeforeClaim, looks, buyerReturns + 1,
                    following, now);
        }
    }

    /** The order saved with its events and audit entries, its due work in step with the work it says it needs. */
    InMemoryState withOrder(OrderSnapshot order, List<DomainEvent> events, List<AuditEntry> entries,
                            List<PendingWork> work) {
        Map<ReferenceOrderId, OrderSnapshot> newOrders = new HashMap<>(orders);
        newOrders.put(order.id(), order);
        Map<ReferenceOrderId, List<AuditEntry>> newAudit = new HashMap<>(audit);
        List<AuditEntry> trail = new ArrayList<>(audit.getOrDefault(order.id(), List.of()));
        trail.addAll(entries);
        newAudit.put(order.id(), List.copyOf(trail));
        List<OutboxRecord> newOutbox = new ArrayList<>(outbox);
        events.forEach(event -> newOutbox.add(new OutboxRecord(event, false, event.occurredAt(), 0, null, null)));
        return new InMemoryState(Map.copyOf(newOrders), Map.copyOf(newAudit), List.copyOf(newOutbox), inbox, cards,
                dueWork, dueSequence).withDueWorkOf(order, work);
    }

    /** Brings the order's due-work items in step with the work it needs: adds the missing, removes the done. */
    private InMemoryState withDueWorkOf(OrderSnapshot order, List<PendingWork> needed) {
        Set<PaymentRequestId> attempts = order.attempts().stream().map(PaymentAttempt::id).collect(Collectors.toSet());
        Map<DueKey, DueRecord> newDueWork = new HashMap<>(dueWork);
        Set<DueKey> neededKeys = needed.stream().map(item -> new DueKey(item.kind(), item.attempt()))
                .collect(Collectors.toSet());
        newDueWork.keySet().removeIf(key -> attempts.contains(key.attempt()) && !neededKeys.contains(key));
        long sequence = dueSequence;
        for (PendingWork item : needed) {
            DueKey key = new DueKey(item.kind(), item.attempt());
            DueRecord present = newDueWork.get(key);
            if (present == null || present.reason() != item.reason()) {
                // a new reason is new work: made over, its looks counted from none
                newDueWork.put(key, DueRecord.newItem(++sequence, item));
            }
        }
        return new InMemoryState(orders, audit, outbox, inbox, cards, Map.copyOf(newDueWork), sequence);
    }

    InMemoryState withOutbox(List<OutboxRecord> newOutbox) {
        return new InMemoryState(orders, audit, List.copyOf(newOutbox), inbox, cards, dueWork, dueSequence);
    }

    InMemoryState withDueRecord(DueKey key, DueRecord record) {
        Map<DueKey, DueRecord> newDueWork = new HashMap<>(dueWork);
        newDueWork.put(key, record);
        return new InMemoryState(orders, audit, outbox, inbox, cards, Map.copyOf(newDueWork), dueSequence);
    }

    InMemoryState withInboxEntry(InboxEntry entry) {
        Map<String, InboxEntry> newInbox = new HashMap<>(inbox);
        newInbox.put(entry.dedupKey(), entry);
        return new InMemoryState(orders, audit, outbox, Map.copyOf(newInbox), cards, dueWork, dueSequence);
    }

    InMemoryState withCard(CardKey key, StoredCard card) {
        Map<CardKey, StoredCard> newCards = new HashMap<>(cards);
        if (card == null) {
            newCards.remove(key);
        } else {
            newCards.put(key, card);
        }
        return new InMemoryState(orders, audit, outbox, inbox, Map.copyOf(newCards), dueWork, dueSequence);
    }
}
