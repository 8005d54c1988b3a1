package org.payengine.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void a_line_has_time_level_thread_abbreviated_logger_and_message() {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.payengine.bootstrap.Demo"), Level.INFO,
                "Demo data under {}", null, new Object[] {"/tmp/data"});
        event.setThreadName("main");
        event.setTimeStamp(LocalDateTime.of(2025, 3, 1, 9, 5, 7, 42_000_000).atZone(ZoneId.systemDefault())
                .toInstant().toEpochMilli());

        assertEquals("09:05:07.042 INFO  [main] o.p.b.Demo - Demo data under /tmp/data" + System.lineSeparator(),
                new ConsoleLine().doLayout(event));
    }

    @Test
    void a_failure_is_followed_by_its_stack_trace() {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.payengine.events"), Level.ERROR,
                "delivery failed", new IllegalStateException("sink refused"), null);
        event.setThreadName("outbox");

        String line = new ConsoleLine().doLayout(event);

        assertTrue(line.contains(" ERROR [outbox] o.p.events - delivery failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: sink refused"), line);
        assertTrue(line.contains("at org.payengine.bootstrap.logging.ConsoleLoggingTest"), line);
    }

    @Test
    void the_engine_level_is_read_in_any_case_and_is_info_when_unset_or_unknown() {
        assertEquals(Level.INFO, ConsoleLogging.engineLevel(null));
        assertEquals(Level.DEBUG, ConsoleLogging.engineLevel("debug"));
        assertEquals(Level.WARN, ConsoleLogging.engineLevel(" WARN "));
        assertEquals(Level.INFO, ConsoleLogging.engineLevel("loud"));
    }

    @Test
    void a_configuration_file_on_the_class_path_wins() {
        // the tests' own logback-test.xml is on this class path
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, logging.configure(context));
        assertFalse(context.getLogger("ROOT").iteratorForAppenders().hasNext());
    }
}
