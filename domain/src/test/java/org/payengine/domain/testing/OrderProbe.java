package org.payengine.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.payengine.domain.audit.AuditEntry;
import org.payengine.domain.audit.AuditSubject;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.FactSource;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.FactOutcome;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;

/**
 * An order under test with its own clock: starts attempts, applies facts, and answers what happened since
 * the last look (events, audit entries), so that tests read like the rules they prove.
 */
public final class OrderProbe {

    private final Order order;
    private Instant now = Fixtures.T0;
    private int eventsSeen;
    private int auditSeen;

    private OrderProbe(Order order) {
        this.order = order;
        markSeen();
    }

    public static OrderProbe newOrder() {
        return new OrderProbe(Fixtures.newOrder());
    }

    public Order order() {
        return order;
    }

    public Instant now() {
        return now;
    }

    public OrderProbe after(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public OrderProbe at(Instant instant) {
        now = instant;
        return this;
    }

    /** Starts an attempt and applies Antom's "in process" answer, as a normal pay call does. */
    public PaymentRequestId pending(String attemptId, PaymentOptions options) {
        PaymentRequestId id = started(attemptId, options);
        apply(Fixtures.inProcess(id), FactSource.API_RESPONSE);
        return id;
    }

    public PaymentRequestId started(String attemptId, PaymentOptions options) {
        PaymentRequestId id = Fixtures.attempt(attemptId);
        order.startAttempt(id, options, now).value();
        return id;
    }

    /** A pending attempt whose payment succeeded (authorized). */
    public PaymentRequestId authorized(String attemptId, PaymentOptions options) {
        PaymentRequestId id = pending(attemptId, options);
        apply(Fixtures.succeeded(id, now), FactSource.NOTIFICATION);
        return id;
    }

    public FactOutcome apply(Fact fact, FactSource source) {
        return order.apply(fact, source, now);
    }

    public FactOutcome apply(Fact fact) {
        return apply(fact, FactSource.NOTIFICATION);
    }

    public PaymentAttempt attempt(PaymentRequestId id) {
        return order.attempt(id).orElseThrow();
    }

    public AttemptStatus status(PaymentRequestId id) {
        return attempt(id).status();
    }

    /** Forget what happened so far; {@link #newEvents()} and {@link #newAuditEntries()} start from here. */
    public OrderProbe markSeen() {
        eventsSeen = order.pendingEvents().size();
        auditSeen = order.pendingAuditEntries().size();
        return this;
    }

    public List<DomainEvent> newEvents() {
        return order.pendingEvents().subList(eventsSeen, order.pendingEvents().size());
    }

    public List<AuditEntry> newAuditEntries() {
        return order.pendingAuditEntries().subList(auditSeen, order.pendingAuditEntries().size());
    }

    /** The new events of one type. */
    public <E extends DomainEvent> List<E> newEvents(Class<E> type) {
        return newEvents().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The new audit entries about one subject. */
    public List<AuditEntry> newAuditEntries(AuditSubject subject) {
        return newAuditEntries().stream().filter(entry -> entry.subject() == subject).toList();
    }
}
