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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

    /** A way to find an order: a query for the row ids of the orders holding one of its ids (at most one). */
    enum Key {
        REFERENCE_ORDER_ID("SELECT id FROM orders WHERE reference_order_id = :value"),
        PAYMENT_REQUEST_ID("SELECT order_id FROM payment_attempts WHERE payment_request_id = :value"),
        PAYMENT_ID("SELECT order_id FROM payment_attempts WHERE payment_id = :value"),
        CAPTURE_REQUEST_ID("SELECT a.order_id FROM captures c JOIN payment_attempts a ON a.id = c.attempt_id "
                + "WHERE c.capture_request_id = :value"),
        CAPTURE_ID("SELECT a.order_id FROM captures c JOIN payment_attempts a ON a.id = c.attempt_id "
                + "WHERE c.capture_id = :value"),
        REFUND_REQUEST_ID("SELECT a.order_id FROM refunds r JOIN payment_attempts a ON a.id = r.attempt_id "
                + "WHERE r.refund_request_id = :value");

        private final String orderRowIds;

        Key(String orderRowIds) {
            this.orderRowIds = orderRowIds;
        }
    }

    /**
     * An order as this transaction read it: its row id (for child rows and audit entries), its state, and
     * the row id of each attempt, so that saving it again writes only what changed.
     */
    record StoredOrder(long rowId, OrderSnapshot snapshot, Map<PaymentRequestId, Long> attemptRowIds) {
    }

    private record StoredAttempt(long rowId, PaymentAttempt attempt, boolean winner) {
    }

    /** An attempt being read: everything but its refunds, which come one per row. */
    private record AttemptRows(Function<List<Refund>, PaymentAttempt> attempt, boolean winner, List<Refund> refunds) {
    }

    /**
     * What the order's rows hold as a save begins: the row ids, and — when this transaction read the order
     * at the version being saved — the attempts as stored, so that unchanged ones are not written again.
     */
    private record Baseline(long orderRowId, Map<PaymentRequestId, Long> attemptRowIds,
                            Map<PaymentRequestId, PaymentAttempt> storedAttempts, PaymentRequestId storedWinner) {

        static Baseline of(StoredOrder read) {
            Map<PaymentRequestId, PaymentAttempt> attempts = new HashMap<>();
            read.snapshot().attempts().forEach(attempt -> attempts.put(attempt.id(), attempt));
            return new Baseline(read.rowId(), read.attemptRowIds(), attempts, read.snapshot().successfulAttempt());
        }

        /** Only the row ids: every existing attempt is written as if changed. */
        static Baseline rowIdsOnly(long orderRowId, Map<PaymentRequestId, Long> attemptRowIds) {
            return new Baseline(orderRowId, attemptRowIds, Map.of(), null);
        }

        /** The attempt as stored, or {@code null} when it is new or its stored state was not read. */
        PaymentAttempt stored(PaymentRequestId id) {
            return storedAttempts.get(id);
        }

        /** The attempt's row as stored (captures and refunds are rows of their own). */
        AttemptColumns storedColumns(PaymentAttempt stored) {
            return AttemptColumns.of(stored, stored.id().equals(storedWinner) ? orderRowId : null);
        }
    }

    private OrderTables() {
    }

    static Optional<StoredOrder> find(Handle handle, Key key, String value) {
        // The order row and its children in one statement (one round trip), found through the key in the same
        // statement: it reads what was committed when it started, so the children are exactly as new as the
        // version. The order's own columns carry an "o_" prefix, as the attempts' share some of their names. An attempt
        // with several refunds comes on one row per refund, oldest first; its other columns repeat on each.
        List<OrderRow> order = new ArrayList<>(1);
        Map<Long, AttemptRows> attemptRows = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT o.id AS o_id, o.reference_order_id AS o_reference_order_id, o.currency AS o_currency,
                               o.amount_minor AS o_amount_minor, o.description AS o_description, o.buyer AS o_buyer,
                               o.goods AS o_goods, o.created_at AS o_created_at, o.closed_at AS o_closed_at,
                               o.version AS o_version,
                               a.*, o.reference_order_id,
                               c.capture_request_id, c.capture_id, c.status AS capture_status,
                               c.currency AS capture_currency, c.amount_minor AS capture_amount_minor,
                               c.result_code AS capture_result_code, c.result_message AS capture_result_message,
                               c.requested_at AS capture_requested_at, c.completed_at AS capture_completed_at,
                               r.refund_request_id, r.refund_id, r.status AS refund_status,
                               r.currency AS refund_currency, r.amount_minor AS refund_amount_minor, r.reason AS refund_reason,
                               r.result_code AS refund_result_code, r.result_message AS refund_result_message,
                               r.requested_at AS refund_requested_at, r.completed_at AS refund_completed_at
                        FROM orders o
                        LEFT JOIN payment_attempts a ON a.order_id = o.id
                        LEFT JOIN captures c ON c.attempt_id = a.id
                        LEFT JOIN refunds r ON r.attempt_id = a.id
                        WHERE o.id IN (""" + key.orderRowIds + """
                        )
                        ORDER BY a.attempt_number, r.id""")
                .bind("value", value)
                .map((row, context) -> {
                    if (order.isEmpty()) {
                        order.add(OrderRow.of(row));
                    }
                    if (row.getObject("id") != null) { // the order has attempts: this row holds one
                        long attemptRowId = row.getLong("id");
                        AttemptRows rows = attemptRows.get(attemptRowId);
                        if (rows == null) {
                            rows = new AttemptRows(attempt(row), row.getObject("winner_of_order") != null,
                                    new ArrayList<>());
                            attemptRows.put(attemptRowId, rows);
                        }
                        Refund refund = refund(row);
                        if (refund != null) {
                            rows.refunds().add(refund);
                        }
                    }
                    return row.getLong("o_id");
                })
                .forEach(rowId -> { });
        if (order.isEmpty()) {
            return Optional.empty();
        }
        long rowId = order.get(0).rowId();
        List<StoredAttempt> attempts = new ArrayList<>();
        attemptRows.forEach((attemptRowId, rows) -> attempts.add(
                new StoredAttempt(attemptRowId, rows.attempt().apply(rows.refunds()), rows.winner())));
        Map<PaymentRequestId, Long> attemptRowIds = new HashMap<>();
        attempts.forEach(stored -> attemptRowIds.put(stored.attempt().id(), stored.rowId()));
        return Optional.of(new StoredOrder(rowId, order.get(0).snapshot(attempts), Map.copyOf(attemptRowIds)));
    }

    /**
     * Writes the order at {@code snapshot.version() + 1}, if it is still at {@code snapshot.version()}
     * in the database; returns its row id, or empty when another transaction saved it first (or, for
     * a new order, created one with the same reference).
     *
     * @param read the order as this transaction read it at {@code snapshot.version()}, if it did: then
     *             only the attempts, captures and refunds that differ from it are written, and no row id
     *             needs looking up. It is what the rows still hold whenever the version check passes,
     *             because every change to an order's rows goes through that check.
     */
    static Optional<Long> save(Handle handle, OrderSnapshot snapshot, Optional<StoredOrder> read) {
        if (snapshot.version() == 0) {
            long rowId = insertOrder(handle, snapshot);
            saveAttempts(handle, snapshot, Baseline.rowIdsOnly(rowId, Map.of()));
            return Optional.of(rowId);
        }
        Optional<Baseline> baseline = updateOrder(handle, snapshot, read);
        baseline.ifPresent(before -> saveAttempts(handle, snapshot, before));
        return baseline.map(Baseline::orderRowId);
    }

    private static long insertOrder(Handle handle, OrderSnapshot order) {
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
        return insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The order row at the next version, and what its children hold; empty when the version moved on. */
    private static Optional<Baseline> updateOrder(Handle handle, OrderSnapshot order, Optional<StoredOrder> read) {
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
        if (read.isPresent()) {
            return Optional.of(Baseline.of(read.get()));
        }
        long rowId = handle.select("SELECT id FROM orders WHERE reference_order_id = ?", order.id().value())
                .mapTo(Long.class).one();
        Map<PaymentRequestId, Long> attemptRowIds = new HashMap<>();
        handle.select("SELECT payment_request_id, id FROM payment_attempts WHERE order_id = ?", rowId)
                .map((row, context) -> Map.entry(PaymentRequestId.of(row.getString(1)), row.getLong(2)))
                .forEach(entry -> attemptRowIds.put(entry.getKey(), entry.getValue()));
        return Optional.of(Baseline.rowIdsOnly(rowId, attemptRowIds));
    }

    private static void saveAttempts(Handle handle, OrderSnapshot order, Baseline before) {
        // The winner last, so that a change of winner never holds two at once (the UNIQUE constraint).
        List<PaymentAttempt> attempts = new ArrayList<>(order.attempts());
        attempts.sort((left, right) -> Boolean.compare(isWinner(order, left), isWinner(order, right)));
        for (PaymentAttempt attempt : attempts) {
            Long winnerOf = isWinner(order, attempt) ? before.orderRowId() : null;
            Long attemptRowId = before.attemptRowIds().get(attempt.id());
            PaymentAttempt stored = before.stored(attempt.id());
            boolean childRowsKnown = stored != null || attemptRowId == null; // read, or about to be new
            if (attemptRowId == null) {
                int number = order.attempts().indexOf(attempt) + 1;
                attemptRowId = insertAttempt(handle, before.orderRowId(), number, winnerOf, attempt);
            } else {
                AttemptColumns columns = AttemptColumns.of(attempt, winnerOf);
                if (stored == null || !columns.equals(before.storedColumns(stored))) {
                    updateAttempt(handle, attemptRowId, columns);
                }
            }
            Capture storedCapture = stored == null ? null : stored.capture();
            if (attempt.capture() != null && !attempt.capture().equals(storedCapture)) {
                saveCapture(handle, attemptRowId, attempt.capture(), childRowsKnown && storedCapture == null);
            }
            for (Refund refund : attempt.refunds()) {
                Refund storedRefund = stored == null ? null : stored.refund(refund.requestId()).orElse(null);
                if (!refund.equals(storedRefund)) {
                    saveRefund(handle, attemptRowId, refund, childRowsKnown && storedRefund == null);
                }
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
                    capture_deadline, deadline_warning_raised, cancel_requested_at, card_brand, card_masked_number,
                    card_token, card_funding, card_issuing_country, card_expiry, avs_result_raw, cvv_result_raw,
                    three_ds_version, three_ds_eci, three_ds_cavv, three_ds_ds_transaction_id, network_transaction_id,
                    reviews)
                VALUES (:order, :paymentRequestId, :number, :currency, :amount,
                    :options, :captureMode, :initiatedAt, :expiresAt, :initiatedAt, :duplicate, :winnerOf,
                    :status, :paymentId, :redirectUrl, :resultCode, :resultMessage, :authorizedAt, :authExpiresAt,
                    :captureDeadline, :deadlineWarningRaised, :cancelRequestedAt, :cardBrand, :cardMasked,
                    :cardToken, :cardFunding, :cardCountry, :cardExpiry, :avs, :cvv,
                    :threeDsVersion, :threeDsEci, :threeDsCavv, :threeDsTransaction, :networkTransactionId,
                    :reviews)""")
                .bind("order", orderRowId)
                .bind("number", number)
                .bind("currency", attempt.amount().currencyCode())
                .bind("amount", attempt.amount().minorUnits())
                .bind("options", JsonDocuments.write(attempt.options()))
                .bind("captureMode", attempt.captureMode().name());
        bindInstant(insert, "initiatedAt", attempt.initiatedAt());
        bindInstant(insert, "expiresAt", attempt.expiresAt());
        AttemptColumns.of(attempt, winnerOf).bindTo(insert);
        return insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void updateAttempt(Handle handle, long attemptRowId, AttemptColumns columns) {
        Update update = handle.createUpdate("""
                UPDATE payment_attempts SET updated_at = CURRENT_TIMESTAMP, duplicate = :duplicate,
                    winner_of_order = :winnerOf, status = :status, payment_id = :paymentId, redirect_url = :redirectUrl,
                    result_code = :resultCode, result_message = :resultMessage, authorized_at = :authorizedAt,
                    auth_expires_at = :authExpiresAt, capture_deadline = :captureDeadline,
                    deadline_warning_raised = :deadlineWarningRaised, cancel_requested_at = :cancelRequestedAt,
                    card_brand = :cardBrand,
                    card_masked_number = :cardMasked, card_token = :cardToken, card_funding = :cardFunding,
                    card_issuing_country = :cardCountry, card_expiry = :cardExpiry, avs_result_raw = :avs,
                    cvv_result_raw = :cvv, three_ds_version = :threeDsVersion, three_ds_eci = :threeDsEci,
                    three_ds_cavv = :threeDsCavv, three_ds_ds_transaction_id = :threeDsTransaction,
                    network_transaction_id = :networkTransactionId, reviews = :reviews
                WHERE id = :id""")
                .bind("id", attemptRowId);
        columns.bindTo(update).execute();
    }

    /** Updates the attempt's capture, or inserts it when there is none yet ({@code isNew}: known not to exist). */
    private static void saveCapture(Handle handle, long attemptRowId, Capture capture, boolean isNew) {
        Update update = handle.createUpdate("""
                        UPDATE captures SET capture_request_id = :requestId, capture_id = :captureId, status = :status,
                            result_code = :resultCode, result_message = :resultMessage, requested_at = :requestedAt,
                            completed_at = :completedAt
                        WHERE attempt_id = :attempt""");
        bindCapture(update, attemptRowId, capture);
        if (isNew || update.execute() == 0) {
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

    /** Updates one of the attempt's refunds, or inserts it when it is new ({@code isNew}: known not to exist). */
    private static void saveRefund(Handle handle, long attemptRowId, Refund refund, boolean isNew) {
        Update update = handle.createUpdate("""
                        UPDATE refunds SET refund_id = :refundId, status = :status, reason = :reason,
                            result_code = :resultCode, result_message = :resultMessage, completed_at = :completedAt
                        WHERE attempt_id = :attempt AND refund_request_id = :requestId""")
                .bind("requestId", refund.requestId().value());
        bindRefund(update, attemptRowId, refund);
        if (isNew || update.execute() == 0) {
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
    private record OrderRow(long rowId, ReferenceOrderId id, Money amount, String description, Buyer buyer,
                            List<GoodsLine> goods, Instant createdAt, Instant closedAt, long version) {

        /** The order's columns of a row of {@link #find}, each named with an "o_" prefix. */
        static OrderRow of(ResultSet row) throws SQLException {
            return new OrderRow(
                    row.getLong("o_id"),
                    ReferenceOrderId.of(row.getString("o_reference_order_id")),
                    Money.of(row.getString("o_currency"), row.getLong("o_amount_minor")),
                    row.getString("o_description"),
                    text(row, "o_buyer", json -> JsonDocuments.read(json, Buyer.class)),
                    text(row, "o_goods", json -> JsonDocuments.read(json, GOODS)),
                    instant(row, "o_created_at"),
                    instant(row, "o_closed_at"),
                    row.getLong("o_version"));
        }

        OrderSnapshot snapshot(List<StoredAttempt> stored) {
            PaymentRequestId successful = stored.stream().filter(StoredAttempt::winner)
                    .map(winner -> winner.attempt().id()).findFirst().orElse(null);
            List<PaymentAttempt> attempts = stored.stream().map(StoredAttempt::attempt).toList();
            return new OrderSnapshot(id, amount, description, buyer, goods, createdAt, closedAt, successful, attempts,
                    version);
        }
    }

    /** The attempt of a row of {@link #find}, waiting for its refunds (they come one per row). */
    private static Function<List<Refund>, PaymentAttempt> attempt(ResultSet row) throws SQLException {
        Money amount = Money.of(row.getString("currency"), row.getLong("amount_minor"));
        Failure failure = failure(row, "result_code", "result_message");
        Authorization authorization = instant(row, "authorized_at") == null ? null : new Authorization(
                instant(row, "authorized_at"), instant(row, "auth_expires_at"), instant(row, "capture_deadline"),
                row.getBoolean("deadline_warning_raised"), instant(row, "cancel_requested_at"));
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
        PaymentRequestId id = PaymentRequestId.of(row.getString("payment_request_id"));
        ReferenceOrderId orderId = ReferenceOrderId.of(row.getString("reference_order_id"));
        PaymentOptions options = JsonDocuments.read(row.getString("options"), PaymentOptions.class);
        AttemptStatus status = AttemptStatus.valueOf(row.getString("status"));
        Instant initiatedAt = instant(row, "created_at");
        Instant expiresAt = instant(row, "expires_at");
        PaymentId paymentId = text(row, "payment_id", PaymentId::of);
        String redirectUrl = row.getString("redirect_url");
        Capture capture = capture(row);
        boolean duplicate = row.getBoolean("duplicate");
        List<Review> reviews = text(row, "reviews", json -> JsonDocuments.read(json, REVIEWS));
        return refunds -> PaymentAttempt.restore(id, orderId, amount, options, status, initiatedAt, expiresAt, paymentId,
                redirectUrl, failure, authorization, card, capture, duplicate, refunds, reviews);
    }

    private static Capture capture(ResultSet row) throws SQLException {
        String status = row.getString("capture_status");
        if (status == null) {
            return null;
        }
        return Capture.restore(
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
        return Refund.restore(
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
