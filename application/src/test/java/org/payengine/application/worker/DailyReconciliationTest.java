package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.ReportFile;
import org.payengine.application.port.ReportListing;
import org.payengine.application.port.ReportSource;
import org.payengine.application.port.ReportSourceUnavailableException;
import org.payengine.application.port.ScheduledJobs;
import org.payengine.application.testing.InMemoryEngine;
import org.payengine.application.testing.InMemoryReconciliations;
import org.payengine.application.usecase.FetchReports;
import org.payengine.application.usecase.ReconcileReport;
import org.payengine.application.usecase.ReconciliationSettings;

class DailyReconciliationTest {

    /** 09:00 at UTC+8 on 6 January 2026. */
    private static final Instant NINE = Instant.parse("2026-01-06T01:00:00Z");

    private final InMemoryEngine engine = new InMemoryEngine();
    private final InMemoryReconciliations store = new InMemoryReconciliations();
    private final FetchReports fetchReports = new FetchReports(new ReconcileReport(file -> {
        throw new AssertionError("no file to decode");
    }, engine.transactions, engine.orders, store, (from, to) -> List.of(), engine.useCases.syncPayment(), engine.clock,
            ReconciliationSettings.forMerchant("2188")), engine.transactions, store, engine.clock);
    private final OneJob jobs = new OneJob();

    @Test
    void the_run_falls_due_each_day_at_the_fetch_time_at_utc_plus_8() {
        DailyReconciliation daily = new DailyReconciliation(jobs, fetchReports, List.of(new Listing(false)),
                LocalTime.of(9, 0), "node-a");

        assertEquals(NINE, daily.nextRunAfter(NINE.minusSeconds(1)));
        assertEquals(NINE.plus(Duration.ofDays(1)), daily.nextRunAfter(NINE));
        assertEquals(WorkerRun.NOTHING_DUE, daily.runOnce(NINE.minusSeconds(60)), "not due yet");
        assertEquals(1, daily.runOnce(NINE).worked());
        assertEquals(NINE.plus(Duration.ofDays(1)), jobs.dueAt);
        assertEquals(List.of("listing: 0 new file(s)"), jobs.outcomes);
    }

    @Test
    void a_source_that_cannot_be_reached_is_tried_again_half_an_hour_later() {
        DailyReconciliation daily = new DailyReconciliation(jobs, fetchReports, List.of(new Listing(true)),
                LocalTime.of(9, 0), "node-a");
        jobs.dueAt = NINE;

        daily.runOnce(NINE);

        assertEquals(NINE.plus(DailyReconciliation.RETRY_AFTER), jobs.dueAt);
        assertEquals(List.of("listing: the server is down"), jobs.outcomes);
    }

    @Test
    void without_a_source_there_is_nothing_to_run() {
        DailyReconciliation daily = new DailyReconciliation(jobs, fetchReports, List.of(), LocalTime.of(9, 0), "node-a");

        assertEquals(WorkerRun.NOTHING_DUE, daily.runOnce(NINE.plus(Duration.ofDays(3))));
        assertEquals(null, jobs.dueAt, "never claimed");
    }

    /** One job, due at {@link #dueAt}; never leased twice. */
    private static final class OneJob implements ScheduledJobs {
        Instant dueAt;
        boolean leased;
        final List<String> outcomes = new ArrayList<>();

        @Override
        public Optional<Claim> claim(String job, Instant now, Instant firstDue, Duration lease, String owner) {
            if (dueAt == null) {
                dueAt = firstDue;
            }
            if (leased || now.isBefore(dueAt)) {
                return Optional.empty();
            }
            leased = true;
            return Optional.of(new Claim(job, owner, dueAt, now.plus(lease)));
        }

        @Override
        public void finish(Claim claim, Instant nextDue, String outcome, Instant at) {
            leased = false;
            dueAt = nextDue;
            outcomes.add(outcome);
        }
    }

    /** A source with no file, or one that cannot be reached. */
    private record Listing(boolean down) implements ReportSource {
        @Override
        public String name() {
            return "listing";
        }

        @Override
        public List<ReportListing> list() {
            if (down) {
                throw new ReportSourceUnavailableException("the server is down");
            }
            return List.of();
        }

        @Override
        public ReportFile fetch(ReportListing file) {
            throw new AssertionError("nothing to fetch");
        }
    }
}
