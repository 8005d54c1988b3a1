package org.payengine.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Jobs that one engine node of many runs at a time, at the time they fall due (the daily reconciliation). A claim is a
 * lease: it names its owner and runs out by itself, so a node that dies mid-run leaves the job to the next. Thread-safe;
 * each method works in a transaction of its own.
 */
public interface ScheduledJobs {

    /**
     * Claims the job if it is due at {@code now} and not leased by another node (or its lease ran out); a job never seen
     * before is first created due at {@code firstDue}.
     *
     * @return the claim, or empty when the job is not due or another node holds it
     */
    Optional<Claim> claim(String job, Instant now, Instant firstDue, Duration lease, String owner);

    /** Ends the claim: the job falls due again at {@code nextDue}; {@code outcome} is kept for a person. */
    void finish(Claim claim, Instant nextDue, String outcome, Instant at);

    /** A claimed job. */
    record Claim(String job, String owner, Instant dueAt, Instant leaseUntil) {
        public Claim {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(leaseUntil, "leaseUntil");
        }
    }
}
