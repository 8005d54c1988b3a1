package org.payengine.application.worker;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.port.ReportSource;
import org.payengine.application.port.ScheduledJobs;
import org.payengine.application.usecase.FetchReports;
import org.payengine.domain.reconciliation.ReportDay;

/**
 * Fetches Antom's new report files once a day and checks them against the engine's records: one node of many does it
 * (the job is leased through {@link ScheduledJobs}), at {@code fetchAt} (UTC+8, Antom's offset: the day's transaction
 * report is out the next morning). A source that cannot be reached is tried again at the next run; its files wait,
 * since they are taken only once checked.
 */
public final class DailyReconciliation implements Worker {

    public static final String NAME = "reconciliation";
    /** The job's name in {@link ScheduledJobs}. */
    public static final String JOB = "daily-reconciliation";
    /** How long a run is reserved for this node; longer than fetching and checking a day's files takes. */
    public static final Duration LEASE = Duration.ofMinutes(30);
    /** How soon a run that could not reach a source is tried again. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(30);

    private static final System.Logger LOG = System.getLogger(DailyReconciliation.class.getName());

    private final ScheduledJobs jobs;
    private final FetchReports fetchReports;
    private final List<ReportSource> sources;
    private final LocalTime fetchAt;
    private final String nodeId;
    private volatile boolean stopping;

    public DailyReconciliation(ScheduledJobs jobs, FetchReports fetchReports, List<ReportSource> sources,
                               LocalTime fetchAt, String nodeId) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.fetchReports = Objects.requireNonNull(fetchReports, "fetchReports");
        this.sources = List.copyOf(sources);
        this.fetchAt = Objects.requireNonNull(fetchAt, "fetchAt");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The first time after {@code now} the daily run falls due. */
    public Instant nextRunAfter(Instant now) {
        ZonedDateTime today = now.atZone(ReportDay.ANTOM_OFFSET).with(fetchAt);
        Instant candidate = today.toInstant();
        return candidate.isAfter(now) ? candidate : today.plusDays(1).toInstant();
    }

    @Override
    public WorkerRun runOnce(Instant now) {
        if (stopping || sources.isEmpty()) {
            return WorkerRun.NOTHING_DUE;
        }
        Optional<ScheduledJobs.Claim> claim = jobs.claim(JOB, now, nextRunAfter(now), LEASE, nodeId);
        if (claim.isEmpty()) {
            return WorkerRun.NOTHING_DUE;
        }
        List<String> outcomes = new ArrayList<>();
        boolean allReached = true;
        for (ReportSource source : sources) {
            try {
                List<FetchReports.Fetched> fetched = fetchReports.fetchNew(source);
                outcomes.add(source.name() + ": " + fetched.size() + " new file(s)");
                fetched.stream().filter(file -> file.outcome() == FetchReports.Outcome.REFUSED).forEach(file -> LOG.log(
                        Level.ERROR, () -> "Reconciliation refused " + file.file().path() + ": " + file.message()));
            } catch (RuntimeException unreachable) {
                allReached = false;
                outcomes.add(source.name() + ": " + unreachable.getMessage());
                LOG.log(Level.WARNING, () -> "Reconciliation could not read " + source.name() + "; trying again in "
                        + RETRY_AFTER.toMinutes() + " minutes: " + unreachable.getMessage());
            }
        }
        Instant next = allReached ? nextRunAfter(now) : now.plus(RETRY_AFTER);
        jobs.finish(claim.get(), next, String.join("; ", outcomes), now);
        return new WorkerRun(1, Duration.between(claim.get().dueAt(), now), 0);
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
