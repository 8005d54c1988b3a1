package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.payengine.application.usecase.Backoff;

class WorkerSettingsTest {

    @Test
    public void nothing_set_means_every_default() {
        WorkerSettings read = WorkerSettings.fromNamedValues(name -> null);

        assertTrue(read.enabled());
        assertEquals(Duration.ofMinutes(2), read.lease());
        assertEquals(PollSchedule.DEFAULT, read.poll());
        assertEquals(CaptureGuardSettings.DEFAULT, read.guard());
        assertEquals(new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 0.2), read.outboxRetry());
        assertEquals(20, read.outboxMaxFailures());
        assertFalse(read.nodeId().isBlank());
        assertNotEquals(read.nodeId(), WorkerSettings.defaults().nodeId(), "a new node id per process start");
    }

    @Test
    public void every_name_is_read() {
        Map<String, String> values = Map.ofEntries(
                Map.entry(WorkerSettings.WORKERS, "false"),
                Map.entry(WorkerSettings.NODE_ID, "node-7"),
                Map.entry(WorkerSettings.THREADS, "2"),
                Map.entry(WorkerSettings.BATCH, "10"),
                Map.entry(WorkerSettings.LEASE_SECONDS, "30"),
                Map.entry(WorkerSettings.IDLE_MILLIS, "250"),
                Map.entry(WorkerSettings.JITTER, "0"),
                Map.entry(WorkerSettings.POLL_FAST_INTERVAL_MILLIS, "500"),
                Map.entry(WorkerSettings.POLL_FAST_PHASE_SECONDS, "10"),
                Map.entry(WorkerSettings.POLL_BACKOFF, "1.5"),
                Map.entry(WorkerSettings.POLL_MAX_INTERVAL_SECONDS, "20"),
                Map.entry(WorkerSettings.POLL_EXPIRY_GRACE_SECONDS, "60"),
                Map.entry(WorkerSettings.POLL_CALL_WINDOW_SECONDS, "15"),
                Map.entry(WorkerSettings.GUARD_POLICY, "capture"),
                Map.entry(WorkerSettings.GUARD_LEAD_SECONDS, "7200"),
                Map.entry(WorkerSettings.GUARD_MARGIN_SECONDS, "600"),
                Map.entry(WorkerSettings.GUARD_RECHECK_SECONDS, "300"),
                Map.entry(WorkerSettings.REMEDIATION_RETRY_SECONDS, "1"),
                Map.entry(WorkerSettings.REMEDIATION_MAX_RETRY_SECONDS, "60"),
                Map.entry(WorkerSettings.OUTBOX_RETRY_SECONDS, "2"),
                Map.entry(WorkerSettings.OUTBOX_MAX_RETRY_SECONDS, "120"),
                Map.entry(WorkerSettings.OUTBOX_MAX_FAILURES, "3"));

        WorkerSettings read = WorkerSettings.fromNamedValues(values::get);

        assertEquals(new WorkerSettings(false, "node-7", 2, 10, Duration.ofSeconds(30), Duration.ofMillis(250), 0,
                new PollSchedule(Duration.ofMillis(500), Duration.ofSeconds(10), 1.5, Duration.ofSeconds(20),
                        Duration.ofSeconds(60), Duration.ofSeconds(15)),
                new CaptureGuardSettings(CaptureGuardPolicy.CAPTURE, Duration.ofHours(2), Duration.ofMinutes(10),
                        Duration.ofMinutes(5)),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0),
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(2), 0), 3), read);
    }

    @Test
    public void a_bad_value_is_refused_naming_the_setting_and_the_reason() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.fromNamedValues(Map.of(WorkerSettings.LEASE_SECONDS, "two minutes")::get));
        assertEquals("PAYENGINE_WORKER_LEASE_SECONDS: 'two minutes' is not a number", notANumber.getMessage());

        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.fromNamedValues(Map.of(WorkerSettings.GUARD_POLICY, "ignore")::get));
        assertEquals("PAYENGINE_CAPTURE_GUARD_POLICY: 'ignore' is neither CANCEL nor CAPTURE", policy.getMessage());

        IllegalArgumentException inconsistent = assertThrows(IllegalArgumentException.class,
                () -> WorkerSettings.fromNamedValues(Map.of(WorkerSettings.GUARD_LEAD_SECONDS, "60")::get));
        assertTrue(inconsistent.getMessage().contains("lead"), inconsistent.getMessage());
    }
}
