package org.payengine.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged Antom notification is never sent again, so what the embedded database
 * acknowledged as committed must be there after the process is killed without warning.
 */
class EmbeddedDurabilityTest {

    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 300;

    @Test
    void every_acknowledged_commit_survives_kill_minus_9_of_the_process(@TempDir Path dataDirectory)
            throws Exception {
        int lastAcknowledged = commitInAChildAndKillIt(dataDirectory);

        try (Database database = Database.open(DatabaseSettings.embeddedUnder(dataDirectory))) {
            List<Integer> stored = database.jdbi().withHandle(handle -> handle
                    .select("SELECT reference_order_id FROM orders WHERE reference_order_id LIKE 'durable-%'")
                    .mapTo(String.class)
                    .map(reference -> Integer.parseInt(reference.substring("durable-".length())))
                    .list());
            List<Integer> missing = new ArrayList<>();
            for (int number = 1; number <= lastAcknowledged; number++) {
                if (!stored.contains(number)) {
                    missing.add(number);
                }
            }
            assertEquals(List.of(), missing, "acknowledged commits lost by kill -9 (last acknowledged: "
                    + lastAcknowledged + ")");
        }
    }

    /** Returns the number of the last commit the child acknowledged before it was killed. */
    private static int commitInAChildAndKillIt(Path dataDirectory) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CommittingProcess.class.getName(), dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastAcknowledged = 0;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(CommittingProcess.ACKNOWLEDGED)) {
                    lastAcknowledged = Integer.parseInt(line.substring(CommittingProcess.ACKNOWLEDGED.length()));
                    if (lastAcknowledged >= ACKNOWLEDGEMENTS_BEFORE_KILL) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child process did not end");
        }
        assertTrue(lastAcknowledged >= ACKNOWLEDGEMENTS_BEFORE_KILL,
                "the child acknowledged only " + lastAcknowledged + " commits before it ended");
        return lastAcknowledged;
    }
}
