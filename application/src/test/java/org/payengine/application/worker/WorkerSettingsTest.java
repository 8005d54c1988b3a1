package org.payengine.application.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.payengine.application.usecase.AntomPacing;
import org.payengine.application.usecase.AntomPacing;
import org.payengine.application.usecase.Backoff;

class WorkerSettingsTest {

    @Test
    void the_defaults_run_the_workers_on_a_new_node_id() {
        WorkerSettings defaults = WorkerSettings.defaults();

        assertTrue(defaults.enabled());
        assertEquals(Duration.ofSeconds(15), defaults.lease());
        assertEquals(FollowUpPolicy.DEFAULT, defaults.followUps());
        assertEquals(CaptureGuardSettings.DEFAULT, defaults.guard());
        assertEquals(new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), 0.2), defaults.outboxRetry());
        assertEquals(20, defaults.outboxMaxFailures());
        assertFalse(defaults.nodeId().isBlank());
        assertNotEquals(defaults.nodeId(), WorkerSettings.defaults().nodeId(), "a new node id per process start");
    }

    @Test
    void inconsistent_values_are_refused_naming_the_field() {
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> new WorkerSettings(true, "node", 0, 50, Duration.ofMinutes(2), Duration.ofSeconds(1), 0.2,
                        FollowUpPolicy.DEFAULT, CaptureGuardSettings.DEFAULT, WorkerSettings.defaults().remediationRetry(),
                        WorkerSettings.defaults().outboxRetry(), 20, AntomPacing.DEFAULT));
        assertEquals("threads must be at least 1, was 0", threads.getMessage());

        IllegalArgumentException jitter = assertThrows(IllegalArgumentException.class,
                () -> new WorkerSettings(true, "node", 4, 50, Duration.ofMinutes(2), Duration.ofSeconds(1), 1.5,
                        FollowUpPolicy.DEFAULT, CaptureGuardSettings.DEFAULT, WorkerSettings.defaults().remediationRetry(),
                        WorkerSettings.defaults().outboxRetry(), 20, AntomPacing.DEFAULT));
        assertTrue(jitter.getMessage().startsWith("jitter must be between 0 and 1"), jitter.getMessage());
    }
}
