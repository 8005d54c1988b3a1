package org.payengine.bootstrap;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payengine.bootstrap.command.Command;
import org.payengine.bootstrap.command.DemoCommand;
import org.payengine.bootstrap.command.MigrateCommand;
import org.payengine.bootstrap.command.ServeCommand;
import org.payengine.bootstrap.command.SimulatorCommandLine;
import org.payengine.bootstrap.command.UsageException;
import org.payengine.bootstrap.config.ConfigurationException;
import org.slf4j.LoggerFactory;

/** {@code java -jar payengine.jar <command> [options]}: the runnable jar's entry point. */
public final class PayEngineCommand {

    private static final List<Command> COMMANDS = List.of(new DemoCommand(), new ServeCommand(),
            new SimulatorCommandLine(), new MigrateCommand());

    private PayEngineCommand() {
    }

    public static void main(String[] args) {
        // Logging is set up here, before any command starts threads that would log while it is being set up.
        LoggerFactory.getILoggerFactory();
        Optional<Command> command = args.length == 0 ? Optional.empty() : find(args[0]);
        int code = run(args, System.getenv(), System.out, System.err);
        // A serving command returns once its shutdown hook has run: the JVM is exiting already.
        if (code != Command.OK || command.isEmpty() || !command.get().longRunning()) {
            System.exit(code);
        }
    }

    /**
     * Runs one command line.
     *
     * @return the exit code ({@link Command#OK}, {@link Command#FAILED}, {@link Command#MISCONFIGURED})
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage());
            return args.length == 0 ? Command.MISCONFIGURED : Command.OK;
        }
        Optional<Command> command = find(args[0]);
        if (command.isEmpty()) {
            err.println("payengine: unknown command '" + args[0] + "'");
            err.println();
            err.print(usage());
            return Command.MISCONFIGURED;
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        try {
            return command.get().run(options, environment, out);
        } catch (UsageException e) {
            err.println("payengine " + command.get().name() + ": " + e.getMessage());
            err.println();
            err.print(command.get().usage());
            return Command.MISCONFIGURED;
        } catch (ConfigurationException e) {
            err.println("payengine " + command.get().name() + ": " + e.getMessage());
            return Command.MISCONFIGURED;
        } catch (Exception | LinkageError e) {
            err.println("payengine " + command.get().name() + ": failed: " + describe(e));
            return Command.FAILED;
        }
    }

    private static Optional<Command> find(String name) {
        return COMMANDS.stream().filter(command -> command.name().equals(name)).findFirst();
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("""
                PayEngine: a merchant-side payment engine for Antom card payments in hosted mode.

                Usage: java -jar payengine.jar <command> [options]

                Commands:
                """);
        for (Command command : COMMANDS) {
            usage.append(String.format("  %-10s %s%n", command.name(), command.summary()));
        }
        usage.append("\nRun 'java -jar payengine.jar <command> --help' for a command's options.\n");
        return usage.toString();
    }

    /** The exception and its causes' messages on one line: enough to act on, without a stack trace. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }
}
