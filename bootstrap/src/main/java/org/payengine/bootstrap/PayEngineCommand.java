package org.payengine.bootstrap;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import org.payengine.bootstrap.command.CommandEnvironment;
import org.payengine.bootstrap.command.DemoCommand;
import org.payengine.bootstrap.command.ExitCode;
import org.payengine.bootstrap.command.MigrateCommand;
import org.payengine.bootstrap.command.ReconcileCommand;
import org.payengine.bootstrap.command.ServeCommand;
import org.payengine.bootstrap.command.ServesUntilStopped;
import org.payengine.bootstrap.command.SimulatorCommandLine;
import org.payengine.bootstrap.config.ConfigurationException;
import org.slf4j.LoggerFactory;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar payengine.jar <command> [options]}: the runnable jar's entry point, on picocli. The commands are
 * the {@code subcommands} below; adding one is a class annotated with {@link Command} (a {@code Callable<Integer>}
 * whose constructor takes the {@link CommandEnvironment}) and its name in that list: help, usage errors, exit codes
 * and shell completion ({@code generate-completion}) come with it.
 */
@Command(name = "payengine", mixinStandardHelpOptions = true, versionProvider = PayEngineCommand.Version.class,
        description = "PayEngine: a merchant-side payment engine for Antom card payments in hosted mode.",
        customSynopsis = PayEngineCommand.LAUNCHER_SYNOPSIS,
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = "Run 'java -jar payengine.jar <command> --help' for a command's options.",
        subcommands = {DemoCommand.class, ServeCommand.class, SimulatorCommandLine.class, MigrateCommand.class,
                ReconcileCommand.class,
                HelpCommand.class, AutoComplete.GenerateCompletion.class})
public final class PayEngineCommand implements Runnable {

    /** How the runnable jar is started, as help and usage show it. */
    static final String LAUNCHER = "java -jar payengine.jar";
    private static final int USAGE_WIDTH = 110;
    static final String LAUNCHER_SYNOPSIS = "java -jar payengine.jar <command> [options]";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: the list of commands, and a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        // Logging is set up here, before any command starts threads that would log while it is being set up.
        LoggerFactory.getILoggerFactory();
        CommandLine commandLine = commandLine(new CommandEnvironment(System.getenv(), System.out), System.err);
        int code = commandLine.execute(args);
        // A serving command returns once its shutdown hook has run: the JVM is exiting already.
        if (code != ExitCode.OK || !servedUntilStopped(commandLine)) {
            System.exit(code);
        }
    }

    /**
     * Runs one command line in this JVM (tests).
     *
     * @return the exit code ({@link ExitCode#OK}, {@link ExitCode#FAILED}, {@link ExitCode#MISCONFIGURED})
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return commandLine(new CommandEnvironment(environment, out), err).execute(args);
    }

    static CommandLine commandLine(CommandEnvironment environment, PrintStream err) {
        CommandLine commandLine = new CommandLine(new PayEngineCommand(), new Factory(environment));
        commandLine.setCommandName(LAUNCHER);
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler(PayEngineCommand::usageError);
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> failed(failure, failed));
        return commandLine;
    }

    /** {@code payengine serve: unknown option --api-keys}, then the command's usage: exit 2. */
    private static int usageError(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(prefix(command) + (problem instanceof UnmatchedArgumentException unmatched
                ? unknown(command, unmatched.getUnmatched()) : problem.getMessage()));
        err.println();
        command.usage(err);
        return ExitCode.MISCONFIGURED;
    }

    /**
     * What was not understood, without repeating a value: someone who tried {@code serve --api-keys KEY} must not find
     * the key echoed into a terminal's scroll-back or a log.
     */
    private static String unknown(CommandLine command, List<String> unmatched) {
        List<String> options = unmatched.stream().filter(argument -> argument.startsWith("-"))
                .map(option -> option.contains("=") ? option.substring(0, option.indexOf('=')) : option).toList();
        if (!options.isEmpty()) {
            return "unknown option" + (options.size() == 1 ? " " : "s ") + String.join(", ", options);
        }
        return command.getParent() == null && !unmatched.isEmpty()
                ? "unknown command '" + unmatched.get(0) + "'"
                : "unexpected argument" + (unmatched.size() == 1 ? "" : "s") + " (not repeated here)";
    }

    /** A configuration problem ends the command with its list (exit 2); anything else as a failure (exit 1). */
    private static int failed(Exception failure, CommandLine command) {
        PrintWriter err = command.getErr();
        if (failure instanceof ConfigurationException) {
            err.println(prefix(command) + failure.getMessage());
            return ExitCode.MISCONFIGURED;
        }
        err.println(prefix(command) + "failed: " + describe(failure));
        return ExitCode.FAILED;
    }

    private static String prefix(CommandLine command) {
        return command.getParent() == null ? "payengine: " : "payengine " + command.getCommandName() + ": ";
    }

    private static boolean servedUntilStopped(CommandLine commandLine) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        while (parsed != null && parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed != null && parsed.commandSpec().userObject() instanceof ServesUntilStopped;
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

    /** Makes the commands, handing each the environment it runs in when its constructor takes one. */
    private record Factory(CommandEnvironment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getConstructor(CommandEnvironment.class);
                return constructor.newInstance(environment);
            } catch (NoSuchMethodException none) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The version the jar's manifest names. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PayEngineCommand.class.getPackage().getImplementationVersion();
            return new String[] {"PayEngine " + (version != null ? version : "(development build)")};
        }
    }
}
