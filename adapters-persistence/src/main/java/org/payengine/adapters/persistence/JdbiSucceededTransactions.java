package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.payengine.application.port.SucceededTransactions;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.reconciliation.EngineTransaction;
import org.payengine.domain.reconciliation.EngineTransaction.Kind;
import org.payengine.domain.reconciliation.EngineTransaction.Outcome;

/**
 * The engine's successes of a time window, read straight from {@code payment_attempts}, {@code captures} and
 * {@code refunds} (authorized payments by when they were started, succeeded captures and refunds by when they were
 * requested). Reconciliation's own read query: the order stores are not involved.
 */
final class JdbiSucceededTransactions implements SucceededTransactions {

    private final Jdbi jdbi;

    JdbiSucceededTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<EngineTransaction> madeBetween(Instant from, Instant to) {
        try {
            return jdbi.withHandle(handle -> {
                List<EngineTransaction> successes = new ArrayList<>();
                successes.addAll(window(handle.createQuery("""
                        SELECT o.reference_order_id, a.payment_request_id, a.payment_id, a.capture_mode, a.status,
                            a.currency, a.amount_minor, a.created_at AS made_at, NULL AS request_id, NULL AS antom_id
                        FROM payment_attempts a JOIN orders o ON o.id = a.order_id
                        WHERE a.authorized_at IS NOT NULL AND a.created_at >= :from AND a.created_at < :to
                        ORDER BY a.created_at, a.id"""), from, to)
                        .map((row, context) -> success(row, Kind.PAYMENT, row.getString("status"))).list());
                successes.addAll(window(handle.createQuery("""
                        SELECT o.reference_order_id, a.payment_request_id, a.payment_id, a.capture_mode, a.status,
                            c.currency, c.amount_minor, c.requested_at AS made_at, c.capture_request_id AS request_id,
                            c.capture_id AS antom_id
                        FROM captures c JOIN payment_attempts a ON a.id = c.attempt_id JOIN orders o ON o.id = a.order_id
                        WHERE c.status = 'SUCCEEDED' AND c.requested_at >= :from AND c.requested_at < :to
                        ORDER BY c.requested_at, c.id"""), from, to)
                        .map((row, context) -> success(row, Kind.CAPTURE, "SUCCEEDED")).list());
                successes.addAll(window(handle.createQuery("""
                        SELECT o.reference_order_id, a.payment_request_id, a.payment_id, a.capture_mode, a.status,
                            r.currency, r.amount_minor, r.requested_at AS made_at, r.refund_request_id AS request_id,
                            r.refund_id AS antom_id
                        FROM refunds r JOIN payment_attempts a ON a.id = r.attempt_id JOIN orders o ON o.id = a.order_id
                        WHERE r.status = 'SUCCEEDED' AND r.requested_at >= :from AND r.requested_at < :to
                        ORDER BY r.requested_at, r.id"""), from, to)
                        .map((row, context) -> success(row, Kind.REFUND, "SUCCEEDED")).list());
                return successes;
            });
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e);
        }
    }

    private static org.jdbi.v3.core.statement.Query window(org.jdbi.v3.core.statement.Query query, Instant from,
                                                          Instant to) {
        bindInstant(query, "from", from);
        return bindInstant(query, "to", to);
    }

    private static EngineTransaction success(ResultSet row, Kind kind, String status) throws SQLException {
        String paymentId = row.getString("payment_id");
        return new EngineTransaction(kind, ReferenceOrderId.of(row.getString("reference_order_id")),
                PaymentRequestId.of(row.getString("payment_request_id")),
                paymentId == null ? null : PaymentId.of(paymentId), row.getString("request_id"),
                row.getString("antom_id"), Money.of(row.getString("currency"), row.getLong("amount_minor")),
                Outcome.SUCCEEDED, status, "AUTOMATIC".equals(row.getString("capture_mode")),
                "CANCELLED".equals(row.getString("status")), instant(row, "made_at"));
    }
}
