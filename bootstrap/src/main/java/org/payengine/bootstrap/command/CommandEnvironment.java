package org.payengine.bootstrap.command;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a command takes from the process it runs in: the environment (where {@code serve} reads its settings) and
 * the stream it reports on. A test runs a command line with an environment and a stream of its own.
 */
public record CommandEnvironment(Map<String, String> variables, PrintStream out) {

    public CommandEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(out, "out");
    }
}
