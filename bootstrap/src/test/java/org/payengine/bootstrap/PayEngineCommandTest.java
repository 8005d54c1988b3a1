package org.payengine.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.payengine.bootstrap.command.ExitCode;
import org.payengine.bootstrap.testing.CommandRun;

/** The command line's contract: its commands, their help, usage errors, exit codes and shell completion. */
class PayEngineCommandTest {

    private static final List<String> COMMANDS = List.of("demo", "serve", "simulator", "migrate");

    @Test
    void without_a_command_it_lists_the_commands_and_fails_as_a_usage_error() {
        CommandRun run = CommandRun.of(Map.of());

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode());
        assertTrue(run.err().startsWith("payengine: a command is required"), run.err());
        for (String command : COMMANDS) {
            assertTrue(run.err().contains("\n  " + command + " "), command + " in " + run.err());
        }
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        CommandRun run = CommandRun.of(Map.of(), "reconcile-everything");

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode());
        assertTrue(run.err().startsWith("payengine: unknown command 'reconcile-everything'"), run.err());
    }

    @Test
    void every_command_explains_itself() {
        for (String command : COMMANDS) {
            CommandRun run = CommandRun.of(Map.of(), command, "--help");

            assertEquals(ExitCode.OK, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: "), command + ": " + run.out());
        }
        CommandRun help = CommandRun.of(Map.of(), "help", "serve");
        assertTrue(help.out().startsWith("Usage: java -jar payengine.jar serve"), help.out());
        assertTrue(help.out().contains("--show-config"), help.out());
    }

    @Test
    void a_port_out_of_range_is_a_usage_error_naming_the_option() {
        CommandRun run = CommandRun.of(Map.of(), "demo", "--port", "99999");

        assertEquals(ExitCode.MISCONFIGURED, run.exitCode());
        assertTrue(run.err().startsWith("payengine demo: Invalid value for option '--port': must be between 0 and 65535,"
                + " was 99999"), run.err());
        assertTrue(run.err().contains("Usage: java -jar payengine.jar demo"), run.err());
    }

    @Test
    void a_shell_completion_script_names_every_command_and_option() {
        CommandRun run = CommandRun.of(Map.of(), "generate-completion");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("complete -F"), run.out());
        for (String word : List.of("demo", "serve", "simulator", "migrate", "--show-config", "--simulator-port")) {
            assertTrue(run.out().contains(word), word);
        }
    }
}
