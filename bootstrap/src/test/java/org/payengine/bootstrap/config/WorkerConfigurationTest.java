package org.payengine.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.payengine.application.usecase.AntomPacing;
import org.payengine.application.usecase.Backoff;
import org.payengine.application.usecase.BuyerLooks;
import org.payengine.application.worker.CaptureGuardPolicy;
import org.payengine.application.worker.CaptureGuardSettings;
import org.payengine.application.worker.FollowUpPolicy;
import org.payengine.application.worker.WorkerSettings;

class WorkerConfigurationTest {

    @Test
    void every_worker_setting_is_read() {
        Map<String, String> values = Map.ofEntries(
                Map.entry("PAYENGINE_WORKERS", "false"),
                Map.entry("PAYENGINE_WORKER_NODE_ID", "node-7"),
                Map.entry("PAYENGINE_WORKER_THREADS", "2"),
                Map.entry("PAYENGINE_WORKER_BATCH", "10"),
                Map.entry("PAYENGINE_WORKER_LEASE_SECONDS", "30"),
                Map.entry("PAYENGINE_WORKER_IDLE_MILLIS", "250"),
                Map.entry("PAYENGINE_WORKER_JITTER", "0"),
                Map.entry("PAYENGINE_FOLLOW_UP_CALL_WINDOW_SECONDS", "15"),
                Map.entry("PAYENGINE_FOLLOW_UP_UNKNOWN_SCHEDULE", "2s, 1m,1h"),
                Map.entry("PAYENGINE_FOLLOW_UP_PAYMENT_GRACE_SECONDS", "60"),
                Map.entry("PAYENGINE_FOLLOW_UP_RESULT_GRACE_SECONDS", "30"),
                Map.entry("PAYENGINE_FOLLOW_UP_OVERDUE_SCHEDULE", "10m,1d"),
                Map.entry("PAYENGINE_FOLLOW_UP_BUYER_GAP_SECONDS", "3"),
                Map.entry("PAYENGINE_FOLLOW_UP_BUYER_LOOKS", "1"),
                Map.entry("PAYENGINE_FOLLOW_UP_BUYER_RETURNS", "5"),
                Map.entry("PAYENGINE_ANTOM_CALLS_PER_SECOND", "7"),
                Map.entry("PAYENGINE_ANTOM_CALL_WAIT_MILLIS", "500"),
                Map.entry("PAYENGINE_ANTOM_BACKOFF_SECONDS", "2"),
                Map.entry("PAYENGINE_ANTOM_MAX_BACKOFF_SECONDS", "30"),
                Map.entry("PAYENGINE_CAPTURE_GUARD_POLICY", "capture"),
                Map.entry("PAYENGINE_CAPTURE_GUARD_LEAD_SECONDS", "7200"),
                Map.entry("PAYENGINE_CAPTURE_GUARD_MARGIN_SECONDS", "600"),
                Map.entry("PAYENGINE_CAPTURE_GUARD_RECHECK_SECONDS", "300"),
                Map.entry("PAYENGINE_REMEDIATION_RETRY_SECONDS", "1"),
                Map.entry("PAYENGINE_REMEDIATION_MAX_RETRY_SECONDS", "60"),
                Map.entry("PAYENGINE_OUTBOX_RETRY_SECONDS", "2"),
                Map.entry("PAYENGINE_OUTBOX_MAX_RETRY_SECONDS", "120"),
                Map.entry("PAYENGINE_OUTBOX_MAX_FAILURES", "3"));

        WorkerSettings read = read(values);

        assertEquals(new WorkerSettings(false, "node-7", 2, 10, Duration.ofSeconds(30), Duration.ofMillis(250), 0,
                new FollowUpPolicy(Duration.ofSeconds(15), FollowUpPolicy.durations("2s", "1m", "1h"),
                        Duration.ofSeconds(60), Duration.ofSeconds(30), FollowUpPolicy.durations("10m", "1d"),
                        new BuyerLooks(Duration.ofSeconds(3), 1, 5)),
                new CaptureGuardSettings(CaptureGuardPolicy.CAPTURE, Duration.ofHours(2), Duration.ofMinutes(10),
                        Duration.ofMinutes(5)),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0),
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(2), 0), 3,
                new AntomPacing(7, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(30))), read);
    }

    @Test
    void a_bad_value_is_refused_naming_the_setting_and_the_reason() {
        List<String> problems = problems(Map.of("PAYENGINE_WORKER_LEASE_SECONDS", "two minutes",
                "PAYENGINE_CAPTURE_GUARD_POLICY", "ignore", "PAYENGINE_WORKER_JITTER", "2"));

        assertEquals(List.of("PAYENGINE_WORKER_LEASE_SECONDS: 'two minutes' is not a whole number",
                "PAYENGINE_WORKER_JITTER: must be between 0.0 and 1.0, was 2",
                "PAYENGINE_CAPTURE_GUARD_POLICY: 'ignore' is none of CANCEL, CAPTURE"), problems);
    }

    @Test
    void values_that_do_not_fit_together_are_refused_as_the_workers_settings() {
        List<String> problems = problems(Map.of("PAYENGINE_CAPTURE_GUARD_LEAD_SECONDS", "60"));

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("workers (PAYENGINE_WORKER_*, PAYENGINE_FOLLOW_UP_*, PAYENGINE_CAPTURE_GUARD_*"),
                problems.get(0));
        assertTrue(problems.get(0).contains("lead"), problems.get(0));
    }

    @Test
    void a_schedule_that_is_not_a_list_of_durations_is_refused_naming_the_setting() {
        List<String> problems = problems(Map.of("PAYENGINE_FOLLOW_UP_UNKNOWN_SCHEDULE", "5s,soon",
                "PAYENGINE_FOLLOW_UP_OVERDUE_SCHEDULE", "0m"));

        assertEquals(List.of("PAYENGINE_FOLLOW_UP_UNKNOWN_SCHEDULE: '5s,soon' is not a list of durations like 5s,1m,2h",
                "PAYENGINE_FOLLOW_UP_OVERDUE_SCHEDULE: '0m' is not a list of durations like 5m,1h,24h"), problems);
    }

    private static WorkerSettings read(Map<String, String> values) {
        SettingsReader reader = new SettingsReader(ConfigurationValues.of(values));
        WorkerSettings settings = WorkerConfiguration.read(reader);
        reader.failOnProblems();
        return settings;
    }

    private static List<String> problems(Map<String, String> values) {
        return assertThrows(ConfigurationException.class, () -> read(values)).problems();
    }
}
