package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.payengine.application.port.Reconciliations;
import org.payengine.application.port.ReportListing;
import org.payengine.domain.Text;
import org.payengine.domain.event.DiscrepancyFound;
import org.payengine.domain.event.DomainEvent;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.reconciliation.Discrepancy;
import org.payengine.domain.reconciliation.DiscrepancyType;
import org.payengine.domain.reconciliation.EngineSubject;
import org.payengine.domain.reconciliation.Fee;
import org.payengine.domain.reconciliation.ReconciliationRun;
import org.payengine.domain.reconciliation.ReportDay;
import org.payengine.domain.reconciliation.ReportType;
import org.payengine.domain.reconciliation.ReportedStatus;
import org.payengine.domain.reconciliation.ReportedTransaction;
import org.payengine.domain.reconciliation.Resolution;
import org.payengine.domain.reconciliation.SignedMoney;
import org.payengine.domain.reconciliation.TransactionType;

/**
 * Reconciliation's records in {@code reconciliation_runs}, {@code reconciliation_discrepancies} (with
 * {@code reconciliation_run_findings}) and {@code reconciliation_transactions}. A run's discrepancy events go to
 * {@code outbox_events} in the same transaction, as an order's do. The unique file fingerprint and the unique
 * (type, transaction) of a discrepancy are the database's guarantee that a file is imported once and a
 * disagreement recorded once, also when two nodes try at the same moment.
 */
final class JdbiReconciliations implements Reconciliations {

    private static final TypeReference<List<StoredFee>> FEES = new TypeReference<>() {
    };

    private final JdbiTransactions transactions;

    JdbiReconciliations(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    /** A fee as stored: its name, currency and signed minor units. */
    private record StoredFee(String name, String currency, long minor) {
    }

    @Override
    public Optional<ReconciliationRun> runOfFile(String fingerprint) {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT * FROM reconciliation_runs WHERE fingerprint = :fingerprint")
                .bind("fingerprint", fingerprint)
                .map((row, context) -> runWithoutFindings(row)).findFirst()
                .map(run -> withFindings(handle, run)));
    }

    @Override
    public Optional<ReconciliationRun> run(String runId) {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT * FROM reconciliation_runs WHERE run_id = :runId")
                .bind("runId", runId)
                .map((row, context) -> runWithoutFindings(row)).findFirst()
                .map(run -> withFindings(handle, run)));
    }

    @Override
    public List<ReconciliationRun> runs(int limit) {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT * FROM reconciliation_runs ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((row, context) -> runWithoutFindings(row)).list()
                .stream().map(run -> withFindings(handle, run)).toList());
    }

    @Override
    public Optional<Discrepancy> discrepancy(DiscrepancyType type, String subjectKey) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM reconciliation_discrepancies
                        WHERE discrepancy_type = :type AND subject_key = :subject""")
                .bind("type", type.name())
                .bind("subject", subjectKey)
                .map((row, context) -> discrepancy(row)).findFirst());
    }

    @Override
    public List<Discrepancy> discrepancies(boolean openOnly, int limit) {
        return transactions.withHandle(handle -> handle.createQuery("SELECT * FROM reconciliation_discrepancies"
                        + (openOnly ? " WHERE is_open = TRUE" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((row, context) -> discrepancy(row)).list());
    }

    @Override
    public long openDiscrepancies() {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM reconciliation_discrepancies WHERE is_open = TRUE")
                .mapTo(Long.class).one());
    }

    @Override
    public Figures figures() {
        return transactions.withHandle(handle -> {
            long runs = handle.createQuery("SELECT COUNT(*) FROM reconciliation_runs").mapTo(Long.class).one();
            Map<DiscrepancyType, Long> open = new EnumMap<>(DiscrepancyType.class);
            handle.createQuery("SELECT discrepancy_type, COUNT(*) FROM reconciliation_discrepancies"
                            + " WHERE is_open = TRUE GROUP BY discrepancy_type")
                    .map((row, context) -> Map.entry(DiscrepancyType.valueOf(row.getString(1)), row.getLong(2)))
                    .forEach(entry -> open.put(entry.getKey(), entry.getValue()));
            return new Figures(runs, open);
        });
    }

    @Override
    public Optional<ReportedTransaction> transaction(String key) {
        return transactions.withHandle(handle -> handle
                .createQuery("SELECT * FROM reconciliation_transactions WHERE transaction_key = :key")
                .bind("key", key)
                .map((row, context) -> reportedTransaction(row)).findFirst());
    }

    @Override
    public List<ReportedTransaction> transactionsOfOrder(String referenceOrderId) {
        return transactions.withHandle(handle -> handle.createQuery("""
                        SELECT * FROM reconciliation_transactions WHERE reference_order_id = :order
                        ORDER BY transaction_time, id""")
                .bind("order", referenceOrderId)
                .map((row, context) -> reportedTransaction(row)).list());
    }

    @Override
    public Set<EngineSubject> listed(Collection<EngineSubject> subjects) {
        if (subjects.isEmpty()) {
            return Set.of();
        }
        return transactions.withHandle(handle -> {
            Set<EngineSubject> listed = new HashSet<>();
            List<String> keys = subjects.stream().map(EngineSubject::key).distinct().toList();
            for (int from = 0; from < keys.size(); from += 500) {
                handle.createQuery("SELECT DISTINCT engine_subject FROM reconciliation_transactions"
                                + " WHERE engine_subject IN (<subjects>)")
                        .bindList("subjects", keys.subList(from, Math.min(keys.size(), from + 500)))
                        .mapTo(String.class)
                        .forEach(key -> listed.add(EngineSubject.parse(key)));
            }
            return listed;
        });
    }

    @Override
    public boolean taken(String source, ReportListing file) {
        return transactions.withHandle(handle -> bindInstant(handle.createQuery("""
                        SELECT COUNT(*) FROM reconciliation_files
                        WHERE source = :source AND path = :path AND size_bytes = :size AND modified_at = :modified""")
                .bind("source", source)
                .bind("path", file.path())
                .bind("size", file.size()), "modified", file.modifiedAt())
                .mapTo(Long.class).one() > 0);
    }

    @Override
    public void markTaken(String source, ReportListing file, String runId, String outcome, Instant at) {
        transactions.withHandle(handle -> {
            var insert = handle.createUpdate("""
                            INSERT INTO reconciliation_files (source, path, size_bytes, modified_at, run_id, outcome,
                                taken_at)
                            VALUES (:source, :path, :size, :modified, :runId, :outcome, :at)""")
                    .bind("source", source)
                    .bind("path", file.path())
                    .bind("size", file.size())
                    .bind("runId", runId)
                    .bind("outcome", Text.tidied(outcome, 1024));
            bindInstant(insert, "modified", file.modifiedAt());
            bindInstant(insert, "at", at);
            try {
                return insert.execute();
            } catch (RuntimeException e) {
                throw DatabaseFailures.conflictIfViolates(e, "reconciliation_files_once",
                        "another node took report file " + file.path() + " first");
            }
        });
    }

    @Override
    public void record(ReconciliationRun run, List<ReportedTransaction> reported, List<Discrepancy> newDiscrepancies,
                       List<DiscrepancyFound> events, List<Discrepancy> closed) {
        transactions.withHandle(handle -> {
            insertRun(handle, run);
            upsertTransactions(handle, reported);
            insertDiscrepancies(handle, newDiscrepancies);
            close(handle, closed);
            insertFindings(handle, run);
            JdbiOutbox.append(handle, List.<DomainEvent>copyOf(events));
            return null;
        });
    }

    private static void insertRun(Handle handle, ReconciliationRun run) {
        var insert = handle.createUpdate("""
                        INSERT INTO reconciliation_runs (run_id, report_type, source, file_name, fingerprint, report_day,
                            data_rows, matched, started_at)
                        VALUES (:runId, :type, :source, :fileName, :fingerprint, :day, :rows, :matched, :startedAt)""")
                .bind("runId", run.runId())
                .bind("type", run.reportType().name())
                .bind("source", Text.tidied(run.source(), 1024))
                .bind("fileName", Text.tidied(run.fileName(), 256))
                .bind("fingerprint", run.fingerprint())
                .bindByType("day", run.day().map(ReportDay::date).orElse(null), LocalDate.class)
                .bind("rows", run.rows())
                .bind("matched", run.matched());
        bindInstant(insert, "startedAt", run.startedAt());
        try {
            insert.execute();
        } catch (RuntimeException e) {
            throw DatabaseFailures.conflictIfViolates(e, "reconciliation_runs_one_per_file",
                    "another node imported the same report file first");
        }
    }

    private static void upsertTransactions(Handle handle, List<ReportedTransaction> reported) {
        for (ReportedTransaction transaction : reported) {
            int updated = bindTransaction(handle.createUpdate("""
                    UPDATE reconciliation_transactions SET transaction_type = :type, transaction_id = :transactionId,
                        transaction_request_id = :requestId, reference_order_id = :orderId, engine_subject = :subject,
                        status = :status, currency = :currency, amount_minor = :amount,
                        settlement_currency = :settlementCurrency, settlement_amount_minor = :settlementAmount,
                        fees = :fees, settlement_batch_id = :batch, transaction_time = :transactionTime,
                        settlement_time = :settlementTime, last_run_id = :runId
                    WHERE transaction_key = :key"""), transaction).execute();
            if (updated == 0) {
                try {
                    bindTransaction(handle.createUpdate("""
                            INSERT INTO reconciliation_transactions (transaction_key, transaction_type, transaction_id,
                                transaction_request_id, reference_order_id, engine_subject, status, currency, amount_minor,
                                settlement_currency, settlement_amount_minor, fees, settlement_batch_id, transaction_time,
                                settlement_time, last_run_id)
                            VALUES (:key, :type, :transactionId, :requestId, :orderId, :subject, :status, :currency,
                                :amount, :settlementCurrency, :settlementAmount, :fees, :batch, :transactionTime,
                                :settlementTime, :runId)"""), transaction).execute();
                } catch (RuntimeException e) {
                    throw DatabaseFailures.conflictIfViolates(e, "reconciliation_transactions_key_unique",
                            "another node stored what a report says of transaction " + transaction.key() + " first");
                }
            }
        }
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindTransaction(S statement,
                                                                                          ReportedTransaction transaction) {
        statement.bind("key", transaction.key())
                .bind("type", transaction.type().name())
                .bind("transactionId", transaction.transactionId())
                .bind("requestId", transaction.transactionRequestId())
                .bind("orderId", transaction.referenceOrderId())
                .bind("subject", transaction.subject() == null ? null : transaction.subject().key())
                .bind("status", transaction.status().name())
                .bind("currency", transaction.amount() == null ? null : transaction.amount().currencyCode())
                .bind("amount", transaction.amount() == null ? null : transaction.amount().minorUnits())
                .bind("settlementCurrency", transaction.settlementAmount() == null ? null
                        : transaction.settlementAmount().currencyCode())
                .bind("settlementAmount", transaction.settlementAmount() == null ? null
                        : transaction.settlementAmount().minorUnits())
                .bind("fees", transaction.fees().isEmpty() ? null : JsonDocuments.write(transaction.fees().stream()
                        .map(fee -> new StoredFee(fee.name(), fee.amount().currencyCode(), fee.amount().minorUnits()))
                        .toList()))
                .bind("batch", transaction.settlementBatchId())
                .bind("runId", transaction.lastRunId());
        bindInstant(statement, "transactionTime", transaction.transactionTime());
        return bindInstant(statement, "settlementTime", transaction.settlementTime());
    }

    private static void insertDiscrepancies(Handle handle, List<Discrepancy> discrepancies) {
        if (discrepancies.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO reconciliation_discrepancies (discrepancy_id, run_id, discrepancy_type, subject_key,
                    transaction_request_id, transaction_id, reference_order_id, expected, actual, resolution, is_open,
                    detail, found_at, resolved_at)
                VALUES (:id, :runId, :type, :subject, :requestId, :transactionId, :orderId, :expected, :actual,
                    :resolution, :open, :detail, :foundAt, :resolvedAt)""");
        for (Discrepancy discrepancy : discrepancies) {
            batch.bind("id", discrepancy.id())
                    .bind("runId", discrepancy.runId())
                    .bind("type", discrepancy.type().name())
                    .bind("subject", discrepancy.subjectKey())
                    .bind("requestId", discrepancy.transactionRequestId())
                    .bind("transactionId", discrepancy.transactionId())
                    .bind("orderId", discrepancy.orderId() == null ? null : discrepancy.orderId().value())
                    .bind("expected", Text.tidied(discrepancy.expected(), 256))
                    .bind("actual", Text.tidied(discrepancy.actual(), 256))
                    .bind("resolution", discrepancy.resolution().name())
                    .bind("open", discrepancy.isOpen())
                    .bind("detail", Text.tidied(discrepancy.detail(), 1024));
            bindInstant(batch, "foundAt", discrepancy.foundAt());
            bindInstant(batch, "resolvedAt", discrepancy.resolvedAt());
            batch.add();
        }
        try {
            batch.execute();
        } catch (RuntimeException e) {
            throw DatabaseFailures.conflictIfViolates(e, "reconciliation_discrepancies_once",
                    "another node recorded the same discrepancy first");
        }
    }

    private static void close(Handle handle, List<Discrepancy> closed) {
        for (Discrepancy discrepancy : closed) {
            var update = handle.createUpdate("""
                            UPDATE reconciliation_discrepancies SET resolution = :resolution, is_open = FALSE,
                                detail = :detail, resolved_at = :resolvedAt
                            WHERE discrepancy_id = :id AND is_open = TRUE""")
                    .bind("id", discrepancy.id())
                    .bind("resolution", discrepancy.resolution().name())
                    .bind("detail", Text.tidied(discrepancy.detail(), 1024));
            bindInstant(update, "resolvedAt", discrepancy.resolvedAt());
            update.execute();
        }
    }

    private static void insertFindings(Handle handle, ReconciliationRun run) {
        if (run.discrepancies().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO reconciliation_run_findings (run_id, discrepancy_id, position)
                VALUES (:runId, :discrepancyId, :position)""");
        for (int i = 0; i < run.discrepancies().size(); i++) {
            batch.bind("runId", run.runId()).bind("discrepancyId", run.discrepancies().get(i).id())
                    .bind("position", i).add();
        }
        batch.execute();
    }

    private static ReconciliationRun withFindings(Handle handle, ReconciliationRun run) {
        List<Discrepancy> found = handle.createQuery("""
                        SELECT d.* FROM reconciliation_run_findings f
                        JOIN reconciliation_discrepancies d ON d.discrepancy_id = f.discrepancy_id
                        WHERE f.run_id = :runId ORDER BY f.position""")
                .bind("runId", run.runId())
                .map((row, context) -> discrepancy(row)).list();
        return new ReconciliationRun(run.runId(), run.reportType(), run.source(), run.fileName(), run.fingerprint(),
                run.day(), run.rows(), run.matched(), run.startedAt(), found);
    }

    private static ReconciliationRun runWithoutFindings(ResultSet row) throws SQLException {
        LocalDate day = row.getObject("report_day", LocalDate.class);
        return new ReconciliationRun(row.getString("run_id"), ReportType.valueOf(row.getString("report_type")),
                row.getString("source"), row.getString("file_name"), row.getString("fingerprint"),
                Optional.ofNullable(day).map(ReportDay::of), row.getInt("data_rows"), row.getInt("matched"),
                instant(row, "started_at"), List.of());
    }

    private static Discrepancy discrepancy(ResultSet row) throws SQLException {
        return new Discrepancy(row.getString("discrepancy_id"), row.getString("run_id"),
                DiscrepancyType.valueOf(row.getString("discrepancy_type")), row.getString("subject_key"),
                row.getString("transaction_request_id"), row.getString("transaction_id"),
                Columns.text(row, "reference_order_id", ReferenceOrderId::of), row.getString("expected"),
                row.getString("actual"), Resolution.valueOf(row.getString("resolution")), row.getString("detail"),
                instant(row, "found_at"), instant(row, "resolved_at"));
    }

    private static ReportedTransaction reportedTransaction(ResultSet row) throws SQLException {
        List<Fee> fees = new ArrayList<>();
        List<StoredFee> stored = JsonDocuments.read(row.getString("fees"), FEES);
        if (stored != null) {
            stored.forEach(fee -> fees.add(new Fee(fee.name(), SignedMoney.of(fee.currency(), fee.minor()))));
        }
        return new ReportedTransaction(row.getString("transaction_key"),
                TransactionType.valueOf(row.getString("transaction_type")), row.getString("transaction_id"),
                row.getString("transaction_request_id"), row.getString("reference_order_id"),
                Columns.text(row, "engine_subject", EngineSubject::parse),
                ReportedStatus.valueOf(row.getString("status")),
                money(row.getString("currency"), Columns.nullableLong(row, "amount_minor")),
                money(row.getString("settlement_currency"), Columns.nullableLong(row, "settlement_amount_minor")),
                fees, row.getString("settlement_batch_id"), instant(row, "transaction_time"),
                instant(row, "settlement_time"), row.getString("last_run_id"));
    }

    private static SignedMoney money(String currency, Long minor) {
        return currency == null || minor == null ? null : SignedMoney.of(currency, minor);
    }
}
