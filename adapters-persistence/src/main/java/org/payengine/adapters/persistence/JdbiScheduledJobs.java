package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.payengine.application.port.ScheduledJobs;
import org.payengine.domain.Text;

/**
 * Jobs in {@code scheduled_jobs}, one row each. A claim reads the job's row with {@code FOR UPDATE SKIP LOCKED} — so
 * a node that finds another claiming at the same moment passes instead of waiting — and leases it by naming its owner
 * and the end of the lease, only while it is due and not leased (or its lease ran out).
 */
final class JdbiScheduledJobs implements ScheduledJobs {

    private final JdbiTransactions transactions;

    JdbiScheduledJobs(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Claim> claim(String job, Instant now, Instant firstDue, Duration lease, String owner) {
        createIfMissing(job, firstDue);
        return transactions.inTransaction(() -> transactions.withHandle(handle -> {
            var select = handle.createQuery("""
                            SELECT due_at FROM scheduled_jobs
                            WHERE name = :name AND due_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                            FOR UPDATE SKIP LOCKED""")
                    .bind("name", job);
            bindInstant(select, "now", now);
            Optional<Instant> due = select.map((row, context) -> instant(row, "due_at")).findFirst();
            if (due.isEmpty()) {
                return Optional.<Claim>empty();
            }
            Instant until = now.plus(lease);
            var update = handle.createUpdate("""
                            UPDATE scheduled_jobs SET lease_owner = :owner, lease_until = :until
                            WHERE name = :name AND (lease_until IS NULL OR lease_until <= :now)""")
                    .bind("owner", owner)
                    .bind("name", job);
            bindInstant(update, "until", until);
            bindInstant(update, "now", now);
            return update.execute() == 1 ? Optional.of(new Claim(job, owner, due.get(), until)) : Optional.<Claim>empty();
        }));
    }

    @Override
    public void finish(Claim claim, Instant nextDue, String outcome, Instant at) {
        transactions.withHandle(handle -> {
            var update = handle.createUpdate("""
                            UPDATE scheduled_jobs SET due_at = :next, lease_owner = NULL, lease_until = NULL,
                                last_run_at = :at, last_outcome = :outcome
                            WHERE name = :name AND lease_owner = :owner""")
                    .bind("name", claim.job())
                    .bind("owner", claim.owner())
                    .bind("outcome", Text.tidied(outcome, 1024));
            bindInstant(update, "next", nextDue);
            bindInstant(update, "at", at);
            return update.execute();
        });
    }

    private void createIfMissing(String job, Instant firstDue) {
        try {
            transactions.withHandle(handle -> {
                var insert = handle.createUpdate("""
                                INSERT INTO scheduled_jobs (name, due_at)
                                SELECT :name, :due WHERE NOT EXISTS (SELECT 1 FROM scheduled_jobs WHERE name = :name)""")
                        .bind("name", job);
                bindInstant(insert, "due", firstDue);
                return insert.execute();
            });
        } catch (RuntimeException raced) {
            if (!DatabaseFailures.sqlState(raced).filter("23505"::equals).isPresent()) {
                throw raced; // anything but another node creating the same job at the same moment
            }
        }
    }
}
