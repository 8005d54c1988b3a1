package org.payengine.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.payengine.application.port.InboxEntry;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.StoredCard;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.event.EventId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.order.OrderSnapshot;

/**
 * One immutable version of everything the in-memory stores hold. Every write makes a new state, so a
 * transaction can work on its own view and a commit can replay its writes on the latest state.
 */
record InMemoryState(Map<ReferenceOrderId, OrderSnapshot> orders, Map<ReferenceOrderId, List<AuditEntry>> audit,
                     List<OutboxRecord> outbox, Map<String, InboxEntry> inbox, Map<CardKey, StoredCard> cards) {

    static final InMemoryState EMPTY = new InMemoryState(Map.of(), Map.of(), List.of(), Map.of(), Map.of());

    /** An event in the outbox: delivered or not, and from when it may be claimed (lease or retry). */
    record OutboxRecord(DomainEvent event, boolean delivered, Instant availableFrom) {
        EventId id() {
            return event.id();
        }
    }

    record CardKey(ReferenceBuyerId buyer, CardToken token) {
    }

    InMemoryState withOrder(OrderSnapshot order, List<DomainEvent> events, List<AuditEntry> entries) {
        Map<ReferenceOrderId, OrderSnapshot> newOrders = new HashMap<>(orders);
        newOrders.put(order.id(), order);
        Map<ReferenceOrderId, List<AuditEntry>> newAudit = new HashMap<>(audit);
        List<AuditEntry> trail = new ArrayList<>(audit.getOrDefault(order.id(), List.of()));
        trail.addAll(entries);
        newAudit.put(order.id(), List.copyOf(trail));
        List<OutboxRecord> newOutbox = new ArrayList<>(outbox);
        events.forEach(event -> newOutbox.add(new OutboxRecord(event, false, null)));
        return new InMemoryState(Map.copyOf(newOrders), Map.copyOf(newAudit), List.copyOf(newOutbox), inbox, cards);
    }

    InMemoryState withOutbox(List<OutboxRecord> newOutbox) {
        return new InMemoryState(orders, audit, List.copyOf(newOutbox), inbox, cards);
    }

    InMemoryState withInboxEntry(InboxEntry entry) {
        Map<String, InboxEntry> newInbox = new HashMap<>(inbox);
        newInbox.put(entry.dedupKey(), entry);
        return new InMemoryState(orders, audit, outbox, Map.copyOf(newInbox), cards);
    }

    InMemoryState withCard(CardKey key, StoredCard card) {
        Map<CardKey, StoredCard> newCards = new HashMap<>(cards);
        if (card == null) {
            newCards.remove(key);
        } else {
            newCards.put(key, card);
        }
        return new InMemoryState(orders, audit, outbox, inbox, Map.copyOf(newCards));
    }
}
