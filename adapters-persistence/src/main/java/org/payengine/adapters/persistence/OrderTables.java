package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;
import static org.payengine.adapters.persistence.Columns.text;
import static org.payengine.adapters.persistence.Columns.textOf;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.AttemptStatus;
import org.payengine.domain.order.Authorization;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.Capture;
import org.payengine.domain.order.CaptureStatus;
import org.payengine.domain.order.Failure;
import org.payengine.domain.order.GoodsLine;
import org.payengine.domain.order.OrderSnapshot;
import org.payengine.domain.order.PaymentAttempt;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.Refund;
import org.payengine.domain.order.RefundStatus;
import org.payengine.domain.order.Review;

/**
 * The order aggregate in its tables, and back: the one place where rows become an
 * {@link OrderSnapshot} and a snapshot becomes rows. All methods work inside the caller's
 * transaction.
 */
final class OrderTables {

    private static final TypeReference<List<GoodsLine>> GOODS = new TypeReference<>() { };
    private static final TypeReference<List<Review>> REVIEWS = new TypeReference<>() { };

    /** A way to find an order: the column of a table that holds one of its ids. */
    enum Key {
        REFERENCE_ORDER_ID("SELECT id FROM orders WHERE reference_order_id = ?"),
        PAYMENT_REQUEST_ID("SELECT order_id FROM payment_attempts WHERE payment_request_id = ?"),
        PAYMENT_ID("SELECT order_id FROM payment_attempts WHERE payment_id = ?"),
        CAPTURE_REQUEST_ID("SELECT a.order_id FROM captures c JOIN payment_attempts a ON a.id = c.attempt_id "
                + "WHERE c.capture_request_id = ?"),
        CAPTURE_ID("SELECT a.order_id FROM captures c JOIN payment_attempts a ON a.id = c.attempt_id "
                + "WHERE c.capture_id = ?"),
        REFUND_REQUEST_ID("SELECT a.order_id FROM refunds r JOIN payment_attempts a ON a.id = r.attempt_id "
                + "WHERE r.refund_request_id = ?");

        private final String sql;

        Key(String sql) {
            this.sql = sql;
        }
    }

    /** An order as stored: its row id (for child rows and audit entries) and its state. */
    record StoredOrder(long rowId, OrderSnapshot snapshot) {
    }

    private record StoredAttempt(PaymentAttempt attempt, boolean winner) {
    }

    private OrderTables() {
    }

    static Optional<StoredOrder> find(Handle handle, Key key, String value) {
        return handle.select(key.sql, value).mapTo(Long.class).findFirst().flatMap(rowId -> load(handle, rowId));
    }

    static Optional<StoredOrder> load(Handle handle, long rowId) {
        // The order row first: each statement reads what was committed when it started, so children
        // read afterwards are at least as new as the version. Newer children make the save fail its
        // version check (and run again); children older than the version would be saved as a lost update.
        Optional<OrderRow> order = handle.createQuery("SELECT * FROM orders WHERE id = ?")
                .bind(0, rowId)
                .map((row, context) -> OrderRow.of(row))
                .findFirst();
        if (order.isEmpty()) {
            return Optional.empty();
        }
        List<StoredAttempt> attempts = handle.createQuery("""
                        SELECT a.*, o.reference_order_id,
                               c.capture_request_id, c.capture_id, c.status AS capture_status,
                               c.currency AS capture_currency, c.amount_minor AS capture_amount_minor,
                               c.result_code AS capture_result_code, c.result_message AS capture_result_message,
                               c.requested_at AS capture_requested_at, c.completed_at AS capture_completed_at,
                               r.refund_request_id, r.refund_id, r.status AS refund_status,
                               r.currency AS refund_currency, r.amount_minor AS refund_amount_minor, r.reason AS refund_reason,
                               r.result_code AS refund_result_code, r.result_message AS refund_result_message,
                               r.requested_at AS refund_requested_at, r.completed_at AS refund_completed_at
                        FROM payment_attempts a
                        JOIN orders o ON o.id = a.order_id
                        LEFT JOIN captures c ON c.attempt_id = a.id
                        LEFT JOIN refunds r ON r.attempt_id = a.id
                        WHERE a.order_id = ?
                        ORDER BY a.attempt_number""")
                .bind(0, rowId)
                .map((row, context) -> new StoredAttempt(attempt(row), row.getObject("winner_of_order") != null))
                .list();
        return Optional.of(new StoredOrder(rowId, order.get().snapshot(attempts)));
    }

    /**
     * Writes the order at {@code snapshot.version() + 1}, if it is still at {@code snapshot.version()}
     * in the database; returns its row id, or empty when another transaction saved it first (or, for
     * a new order, created one with the same reference).
     */
    static Optional<Long> save(Handle handle, OrderSnapshot snapshot) {
        Optional<Long> rowId = snapshot.version() == 0 ? insertOrder(handle, snapshot) : updateOrder(handle, snapshot);
        rowId.ifPresent(id -> saveAttempts(handle, id, snapshot));
        return rowId;
    }

    private static Optional<Long> insertOrder(Handle handle, OrderSnapshot order) {
        Update insert = handle.createUpdate("""
                        INSERT INTO orders (reference_order_id, currency, amount_minor, description, reference_buyer_id,
                            buyer, goods, status, created_at, closed_at, version)
                        VALUES (:reference, :currency, :amount, :description, :buyerId, :buyer, :goods, :status,
                            :createdAt, :closedAt, 1)""")
                .bind("reference", order.id().value())
                .bind("currency", order.amount().currencyCode())
                .bind("amount", order.amount().minorUnits())
                .bind("description", order.description())
                .bind("buyerId", order.buyer().id() == null ? null : order.buyer().id().value())
                .bind("buyer", JsonDocuments.write(order.buyer()))
                .bind("goods", JsonDocuments.write(order.goods()))
                .bind("status", order.status().name());
        bindInstant(insert, "createdAt", order.createdAt());
        bindInstant(insert, "closedAt", order.closedAt());
        return Optional.of(insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static Optional<Long> updateOrder(Handle handle, OrderSnapshot order) {
        // The version check is also the lock: of two writers of one order, the second waits here
        // for the first to commit and then finds the version moved on.
        Update update = handle.createUpdate("""
                        UPDATE orders SET status = :status, closed_at = :closedAt, version = :next
                        WHERE reference_order_id = :reference AND version = :loaded""")
                .bind("status", order.status().name())
                .bind("next", order.version() + 1)
                .bind("reference", order.id().value())
                .bind("loaded", order.version());
        bindInstant(update, "closedAt", order.closedAt());
        if (update.execute() == 0) {
            return Optional.empty();
        }
        return handle.select("SELECT id FROM orders WHERE reference_order_id = ?", order.id().value())
                .mapTo(Long.class).findFirst();
    }

    private static void saveAttempts(Handle handle, long orderRowId, OrderSnapshot order) {
        Map<String, Long> stored = new HashMap<>();
        handle.select("SELECT payment_request_id, id FROM payment_attempts WHERE order_id = ?", orderRowId)
                .map((row, context) -> Map.entry(row.getString(1), row.getLong(2)))
                .forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
        // The winner last, so that a change of winner never holds two at once (the UNIQUE constraint).
        List<PaymentAttempt> attempts = new ArrayList<>(order.attempts());
        attempts.sort((left, right) -> Boolean.compare(isWinner(order, left), isWinner(order, right)));
        for (PaymentAttempt attempt : attempts) {
            int number = order.attempts().indexOf(attempt) + 1;
            Long winnerOf = isWinner(order, attempt) ? orderRowId : null;
            Long attemptRowId = stored.get(attempt.id().value());
            if (attemptRowId == null) {
                attemptRowId = insertAttempt(handle, orderRowId, number, winnerOf, attempt);
            } else {
                updateAttempt(handle, attemptRowId, winnerOf, attempt);
            }
            if (attempt.capture() != null) {
                saveCapture(handle, attemptRowId, attempt.capture());
            }
            if (attempt.refund() != null) {
                saveRefund(handle, attemptRowId, attempt.refund());
            }
        }
    }

    private static boolean isWinner(OrderSnapshot order, PaymentAttempt attempt) {
        return attempt.id().equals(order.successfulAttempt());
    }

    private static long insertAttempt(Handle handle, long orderRowId, int number, Long winnerOf, PaymentAttempt attempt) {
        Update insert = handle.createUpdate("""
                INSERT INTO payment_attempts (order_id, payment_request_id, attempt_number, currency, amount_minor,
                    options, capture_mode, created_at, expires_at, updated_at, duplicate, winner_of_order,
                    status, payment_id, redirect_url, result_code, result_message, authorized_at, auth_expires_at,
                    capture_deadline, deadline_warning_raised, card_brand, card_masked_number, card_token, card_funding,
                    card_issuing_country, card_expiry, avs_result_raw, cvv_result_raw, three_ds_version, three_ds_eci,
                    three_ds_cavv, three_ds_ds_transaction_id, network_transaction_id, reviews)
                VALUES (:order, :paymentRequestId, :number, :currency, :amount,
                    :options, :captureMode, :initiatedAt, :expiresAt, :initiatedAt, :duplicate, :winnerOf,
                    :status, :paymentId, :redirectUrl, :resultCode, :resultMessage, :authorizedAt, :authExpiresAt,
                    :captureDeadline, :deadlineWarningRaised, :cardBrand, :cardMasked, :cardToken, :cardFunding,
                    :cardCountry, :cardExpiry, :avs, :cvv, :threeDsVersion, :threeDsEci,
                    :threeDsCavv, :threeDsTransaction, :networkTransactionId, :reviews)""")
                .bind("order", orderRowId)
                .bind("number", number)
                .bind("currency", attempt.amount().currencyCode())
                .bind("amount", attempt.amount().minorUnits())
                .bind("options", JsonDocuments.write(attempt.options()))
                .bind("captureMode", attempt.captureMode().name());
        bindInstant(insert, "initiatedAt", attempt.initiatedAt());
        bindInstant(insert, "expiresAt", attempt.expiresAt());
        bindChangingAttemptColumns(insert, winnerOf, attempt);
        return insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void updateAttempt(Handle handle, long attemptRowId, Long winnerOf, PaymentAttempt attempt) {
        Update update = handle.createUpdate("""
                UPDATE payment_attempts SET updated_at = CURRENT_TIMESTAMP, duplicate = :duplicate,
                    winner_of_order = :winnerOf, status = :status, payment_id = :paymentId, redirect_url = :redirectUrl,
                    result_code = :resultCode, result_message = :resultMessage, authorized_at = :authorizedAt,
                    auth_expires_at = :authExpiresAt, capture_deadline = :captureDeadline,
                    deadline_warning_raised = :deadlineWarningRaised, card_brand = :cardBrand,
                    card_masked_number = :cardMasked, card_token = :cardToken, card_funding = :cardFunding,
                    card_issuing_country = :cardCountry, card_expiry = :cardExpiry, avs_result_raw = :avs,
                    cvv_result_raw = :cvv, three_ds_version = :threeDsVersion, three_ds_eci = :threeDsEci,
                    three_ds_cavv = :threeDsCavv, three_ds_ds_transaction_id = :threeDsTransaction,
                    network_transaction_id = :networkTransactionId, reviews = :reviews
                WHERE id = :id""")
                .bind("id", attemptRowId);
        bindChangingAttemptColumns(update, winnerOf, attempt);
        update.execute();
    }

    private static void bindChangingAttemptColumns(Update statement, Long winnerOf, PaymentAttempt attempt) {
        CardFacts card = attempt.card();
        ThreeDSResult threeDS = card.threeDS();
        Authorization authorization = attempt.authorization();
        statement.bind("paymentRequestId", attempt.id().value())
                .bind("duplicate", attempt.duplicate())
                .bindByType("winnerOf", winnerOf, Long.class)
                .bind("status", attempt.status().name())
                .bind("paymentId", textOf(attempt.paymentId()))
                .bind("redirectUrl", attempt.redirectUrl())
                .bind("resultCode", attempt.failure() == null ? null : attempt.failure().code().value())
                .bind("resultMessage", attempt.failure() == null ? null : attempt.failure().message())
                .bind("deadlineWarningRaised", authorization != null && authorization.deadlineWarningRaised())
                .bind("cardBrand", card.brand())
                .bind("cardMasked", textOf(card.maskedNumber()))
                .bind("cardToken", textOf(card.token()))
                .bind("cardFunding", card.funding())
                .bind("cardCountry", card.issuingCountry())
                .bind("cardExpiry", textOf(card.expiry()))
                .bind("avs", card.avsResultRaw())
                .bind("cvv", card.cvvResultRaw())
                .bind("threeDsVersion", threeDS == null ? null : threeDS.version())
                .bind("threeDsEci", threeDS == null ? null : threeDS.eci())
                .bind("threeDsCavv", threeDS == null ? null : threeDS.cavv())
                .bind("threeDsTransaction", threeDS == null ? null : threeDS.dsTransactionId())
                .bind("networkTransactionId", card.networkTransactionId())
                .bind("reviews", attempt.reviews().isEmpty() ? null : JsonDocuments.write(attempt.reviews()));
        bindInstant(statement, "authorizedAt", authorization == null ? null : authorization.authorizedAt());
        bindInstant(statement, "authExpiresAt", authorization == null ? null : authorization.authExpiresAt());
        bindInstant(statement, "captureDeadline", authorization == null ? null : authorization.captureDeadline());
    }

    private static void saveCapture(Handle handle, long attemptRowId, Capture capture) {
        Update update = handle.createUpdate("""
                        UPDATE captures SET capture_request_id = :requestId, capture_id = :captureId, status = :status,
                            result_code = :resultCode, result_message = :resultMessage, requested_at = :requestedAt,
                            completed_at = :completedAt
                        WHERE attempt_id = :attempt""");
        bindCapture(update, attemptRowId, capture);
        if (update.execute() == 0) {
            Update insert = handle.createUpdate("""
                    INSERT INTO captures (attempt_id, capture_request_id, capture_id, status, currency, amount_minor,
                        result_code, result_message, requested_at, completed_at)
                    VALUES (:attempt, :requestId, :captureId, :status, :currency, :amount, :resultCode, :resultMessage,
                        :requestedAt, :completedAt)""")
                    .bind("currency", capture.amount().currencyCode())
                    .bind("amount", capture.amount().minorUnits());
            bindCapture(insert, attemptRowId, capture);
            insert.execute();
        }
    }

    private static void bindCapture(Update statement, long attemptRowId, Capture capture) {
        statement.bind("attempt", attemptRowId)
                .bind("requestId", textOf(capture.requestId()))
                .bind("captureId", textOf(capture.captureId()))
                .bind("status", capture.status().name())
                .bind("resultCode", capture.failure() == null ? null : capture.failure().code().value())
                .bind("resultMessage", capture.failure() == null ? null : capture.failure().message());
        bindInstant(statement, "requestedAt", capture.requestedAt());
        bindInstant(statement, "completedAt", capture.capturedAt());
    }

    private static void saveRefund(Handle handle, long attemptRowId, Refund refund) {
        Update update = handle.createUpdate("""
                        UPDATE refunds SET refund_id = :refundId, status = :status, reason = :reason,
                            result_code = :resultCode, result_message = :resultMessage, completed_at = :completedAt
                        WHERE attempt_id = :attempt""");
        bindRefund(update, attemptRowId, refund);
        if (update.execute() == 0) {
            Update insert = handle.createUpdate("""
                    INSERT INTO refunds (attempt_id, refund_request_id, refund_id, status, currency, amount_minor, reason,
                        result_code, result_message, requested_at, completed_at)
                    VALUES (:attempt, :requestId, :refundId, :status, :currency, :amount, :reason, :resultCode,
                        :resultMessage, :requestedAt, :completedAt)""")
                    .bind("requestId", refund.requestId().value())
                    .bind("currency", refund.amount().currencyCode())
                    .bind("amount", refund.amount().minorUnits());
            bindInstant(insert, "requestedAt", refund.requestedAt());
            bindRefund(insert, attemptRowId, refund);
            insert.execute();
        }
    }

    private static void bindRefund(Update statement, long attemptRowId, Refund refund) {
        statement.bind("attempt", attemptRowId)
                .bind("refundId", textOf(refund.refundId()))
                .bind("status", refund.status().name())
                .bind("reason", refund.reason())
                .bind("resultCode", refund.failure() == null ? null : refund.failure().code().value())
                .bind("resultMessage", refund.failure() == null ? null : refund.failure().message());
        bindInstant(statement, "completedAt", refund.refundedAt());
    }

    /** The order's own row, waiting for its attempts. */
    private record OrderRow(ReferenceOrderId id, Money amount, String description, Buyer buyer, List<GoodsLine> goods,
                            Instant createdAt, Instant closedAt, long version) {

        static OrderRow of(ResultSet row) throws SQLException {
            return new OrderRow(
                    ReferenceOrderId.of(row.getString("reference_order_id")),
                    Money.of(row.getString("currency"), row.getLong("amount_minor")),
                    row.getString("description"),
                    text(row, "buyer", json -> JsonDocuments.read(json, Buyer.class)),
                    text(row, "goods", json -> JsonDocuments.read(json, GOODS)),
                    instant(row, "created_at"),
                    instant(row, "closed_at"),
                    row.getLong("version"));
        }

        OrderSnapshot snapshot(List<StoredAttempt> stored) {
            PaymentRequestId successful = stored.stream().filter(StoredAttempt::winner)
                    .map(winner -> winner.attempt().id()).findFirst().orElse(null);
            List<PaymentAttempt> attempts = stored.stream().map(StoredAttempt::attempt).toList();
            return new OrderSnapshot(id, amount, description, buyer, goods, createdAt, closedAt, successful, attempts,
                    version);
        }
    }

    private static PaymentAttempt attempt(ResultSet row) throws SQLException {
        Money amount = Money.of(row.getString("currency"), row.getLong("amount_minor"));
        Failure failure = failure(row, "result_code", "result_message");
        Authorization authorization = instant(row, "authorized_at") == null ? null : new Authorization(
                instant(row, "authorized_at"), instant(row, "auth_expires_at"), instant(row, "capture_deadline"),
                row.getBoolean("deadline_warning_raised"));
        String threeDsVersion = row.getString("three_ds_version");
        ThreeDSResult threeDS = new ThreeDSResult(threeDsVersion, row.getString("three_ds_eci"),
                row.getString("three_ds_cavv"), row.getString("three_ds_ds_transaction_id"));
        CardFacts card = new CardFacts(
                row.getString("card_brand"),
                text(row, "card_masked_number", MaskedCardNumber::of),
                text(row, "card_token", CardToken::of),
                row.getString("card_funding"),
                row.getString("card_issuing_country"),
                text(row, "card_expiry", YearMonth::parse),
                row.getString("avs_result_raw"),
                row.getString("cvv_result_raw"),
                threeDS,
                row.getString("network_transaction_id"));
        return new PaymentAttempt(
                PaymentRequestId.of(row.getString("payment_request_id")),
                ReferenceOrderId.of(row.getString("reference_order_id")),
                amount,
                JsonDocuments.read(row.getString("options"), PaymentOptions.class),
                AttemptStatus.valueOf(row.getString("status")),
                instant(row, "created_at"),
                instant(row, "expires_at"),
                text(row, "payment_id", PaymentId::of),
                row.getString("redirect_url"),
                failure,
                authorization,
                card,
                capture(row),
                row.getBoolean("duplicate"),
                refund(row),
                text(row, "reviews", json -> JsonDocuments.read(json, REVIEWS)));
    }

    private static Capture capture(ResultSet row) throws SQLException {
        String status = row.getString("capture_status");
        if (status == null) {
            return null;
        }
        return new Capture(
                text(row, "capture_request_id", CaptureRequestId::of),
                text(row, "capture_id", CaptureId::of),
                Money.of(row.getString("capture_currency"), row.getLong("capture_amount_minor")),
                CaptureStatus.valueOf(status),
                instant(row, "capture_requested_at"),
                instant(row, "capture_completed_at"),
                failure(row, "capture_result_code", "capture_result_message"));
    }

    private static Refund refund(ResultSet row) throws SQLException {
        String status = row.getString("refund_status");
        if (status == null) {
            return null;
        }
        return new Refund(
                RefundRequestId.of(row.getString("refund_request_id")),
                text(row, "refund_id", RefundId::of),
                Money.of(row.getString("refund_currency"), row.getLong("refund_amount_minor")),
                RefundStatus.valueOf(status),
                row.getString("refund_reason"),
                instant(row, "refund_requested_at"),
                instant(row, "refund_completed_at"),
                failure(row, "refund_result_code", "refund_result_message"));
    }

    private static Failure failure(ResultSet row, String codeColumn, String messageColumn) throws SQLException {
        String code = row.getString(codeColumn);
        return code == null ? null : new Failure(ResultCode.of(code), row.getString(messageColumn));
    }
}
